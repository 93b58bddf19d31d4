/// The case and namespace adjustments of SVG and MathML names (§13.2.6.1), applied when names are
/// read: the arena keeps the lowercase names the tokenizer produced, which determine these.
extension HTMLDocument {
    static let svgTagNames: [String: String] = {
        var m: [String: String] = [:]
        for n in [
            "altGlyph", "altGlyphDef", "altGlyphItem", "animateColor", "animateMotion", "animateTransform", "clipPath", "feBlend",
            "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap",
            "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feImage",
            "feMerge", "feMergeNode", "feMorphology", "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile",
            "feTurbulence", "foreignObject", "glyphRef", "linearGradient", "radialGradient", "textPath"
        ] { m[n.lowercased()] = n }
        return m
    }()

    static let svgAttributeNames: [String: String] = {
        var m: [String: String] = [:]
        for n in [
            "attributeName", "attributeType", "baseFrequency", "baseProfile", "calcMode", "clipPathUnits", "diffuseConstant",
            "edgeMode", "filterUnits", "glyphRef", "gradientTransform", "gradientUnits", "kernelMatrix", "kernelUnitLength",
            "keyPoints", "keySplines", "keyTimes", "lengthAdjust", "limitingConeAngle", "markerHeight", "markerUnits",
            "markerWidth", "maskContentUnits", "maskUnits", "numOctaves", "pathLength", "patternContentUnits", "patternTransform",
            "patternUnits", "pointsAtX", "pointsAtY", "pointsAtZ", "preserveAlpha", "preserveAspectRatio", "primitiveUnits",
            "refX", "refY", "repeatCount", "repeatDur", "requiredExtensions", "requiredFeatures", "specularConstant",
            "specularExponent", "spreadMethod", "startOffset", "stdDeviation", "stitchTiles", "surfaceScale", "systemLanguage",
            "tableValues", "targetX", "targetY", "textLength", "viewBox", "viewTarget", "xChannelSelector", "yChannelSelector",
            "zoomAndPan"
        ] { m[n.lowercased()] = n }
        return m
    }()

    /// Foreign attributes: lowercase name → (namespace prefix, local name).
    static let foreignAttributes: [String: (String, String)] = [
        "xlink:actuate": ("xlink", "actuate"), "xlink:arcrole": ("xlink", "arcrole"), "xlink:href": ("xlink", "href"),
        "xlink:role": ("xlink", "role"), "xlink:show": ("xlink", "show"), "xlink:title": ("xlink", "title"),
        "xlink:type": ("xlink", "type"), "xml:lang": ("xml", "lang"), "xml:space": ("xml", "space"), "xmlns": ("xmlns", "xmlns"),
        "xmlns:xlink": ("xmlns", "xlink")
    ]

    /// The element's qualified name as the DOM has it (SVG camel case restored).
    public func elementName(_ node: Int32) -> String {
        let n = nodes[Int(node)]
        let name = tagName(n.tag)
        if n.namespace == .svg, let adjusted = HTMLDocument.svgTagNames[name] { return adjusted }
        return name
    }

    /// The element's attributes as (namespace prefix or "", local name, value), names adjusted for
    /// SVG and MathML elements.
    public func attributeList(_ node: Int32) -> [(namespace: String, name: String, value: String)] {
        let n = nodes[Int(node)]
        var out: [(String, String, String)] = []
        for a in attributes[Int(n.attributeStart)..<Int(n.attributeEnd)] {
            var name = string(a.nameStart, a.nameEnd)
            let value = string(a.valueStart, a.valueEnd)
            var ns = ""
            if n.namespace != .html {
                if n.namespace == .svg, let adjusted = HTMLDocument.svgAttributeNames[name] {
                    name = adjusted
                } else if n.namespace == .math, name == "definitionurl" {
                    name = "definitionURL"
                }
                if let (prefix, local) = HTMLDocument.foreignAttributes[name] {
                    ns = prefix
                    name = local
                }
            }
            out.append((ns, name, value))
        }
        return out
    }
}
