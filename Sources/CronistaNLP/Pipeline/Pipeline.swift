public import CronistaCore

/// An ordered list of components, validated at construction.
public struct Pipeline: Sendable {
    public let components: [any PipelineComponent]

    public init(_ components: [any PipelineComponent]) throws {
        var have: AnnotationLayers = []
        for c in components {
            let missing = c.requires.subtracting(have)
            if !missing.isEmpty { throw PipelineConfigurationError(component: c.name, missing: missing) }
            have.formUnion(c.assigns)
        }
        self.components = components
    }

    /// Runs every component on `document`.
    public func process(_ document: inout Document) throws {
        for c in components {
            try c.process(&document)
            document.layers.formUnion(c.assigns)
        }
    }

    /// Analyses one text.
    public func analyze(id: String, text: String, metadata: DocumentMetadata = DocumentMetadata()) throws -> Document {
        var d = Document(id: id, text: text, metadata: metadata)
        try process(&d)
        return d
    }
}
