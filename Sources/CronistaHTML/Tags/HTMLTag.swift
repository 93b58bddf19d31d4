/// An interned tag name: the known names the parser and the extractor look at have fixed ids (below
/// `HTMLTag.knownCount`); any other name gets an id of its own per document (`HTMLDocument.tagName`).
public struct HTMLTag: Hashable, Sendable, RawRepresentable {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// True for the names in the known table.
    @inlinable public var isKnown: Bool { rawValue < HTMLTag.knownCount }
}

extension HTMLTag {
    // The order here is the order of `HTMLTag.knownNames`.
    public static let unknown = HTMLTag(rawValue: 0)
    public static let a = HTMLTag(rawValue: 1)
    public static let address = HTMLTag(rawValue: 2)
    public static let applet = HTMLTag(rawValue: 3)
    public static let area = HTMLTag(rawValue: 4)
    public static let article = HTMLTag(rawValue: 5)
    public static let aside = HTMLTag(rawValue: 6)
    public static let b = HTMLTag(rawValue: 7)
    public static let base = HTMLTag(rawValue: 8)
    public static let basefont = HTMLTag(rawValue: 9)
    public static let bgsound = HTMLTag(rawValue: 10)
    public static let big = HTMLTag(rawValue: 11)
    public static let blockquote = HTMLTag(rawValue: 12)
    public static let body = HTMLTag(rawValue: 13)
    public static let br = HTMLTag(rawValue: 14)
    public static let button = HTMLTag(rawValue: 15)
    public static let caption = HTMLTag(rawValue: 16)
    public static let center = HTMLTag(rawValue: 17)
    public static let code = HTMLTag(rawValue: 18)
    public static let col = HTMLTag(rawValue: 19)
    public static let colgroup = HTMLTag(rawValue: 20)
    public static let dd = HTMLTag(rawValue: 21)
    public static let details = HTMLTag(rawValue: 22)
    public static let dialog = HTMLTag(rawValue: 23)
    public static let dir = HTMLTag(rawValue: 24)
    public static let div = HTMLTag(rawValue: 25)
    public static let dl = HTMLTag(rawValue: 26)
    public static let dt = HTMLTag(rawValue: 27)
    public static let em = HTMLTag(rawValue: 28)
    public static let embed = HTMLTag(rawValue: 29)
    public static let fieldset = HTMLTag(rawValue: 30)
    public static let figcaption = HTMLTag(rawValue: 31)
    public static let figure = HTMLTag(rawValue: 32)
    public static let font = HTMLTag(rawValue: 33)
    public static let footer = HTMLTag(rawValue: 34)
    public static let form = HTMLTag(rawValue: 35)
    public static let frame = HTMLTag(rawValue: 36)
    public static let frameset = HTMLTag(rawValue: 37)
    public static let h1 = HTMLTag(rawValue: 38)
    public static let h2 = HTMLTag(rawValue: 39)
    public static let h3 = HTMLTag(rawValue: 40)
    public static let h4 = HTMLTag(rawValue: 41)
    public static let h5 = HTMLTag(rawValue: 42)
    public static let h6 = HTMLTag(rawValue: 43)
    public static let head = HTMLTag(rawValue: 44)
    public static let header = HTMLTag(rawValue: 45)
    public static let hgroup = HTMLTag(rawValue: 46)
    public static let hr = HTMLTag(rawValue: 47)
    public static let html = HTMLTag(rawValue: 48)
    public static let i = HTMLTag(rawValue: 49)
    public static let iframe = HTMLTag(rawValue: 50)
    public static let image = HTMLTag(rawValue: 51)
    public static let img = HTMLTag(rawValue: 52)
    public static let input = HTMLTag(rawValue: 53)
    public static let keygen = HTMLTag(rawValue: 54)
    public static let li = HTMLTag(rawValue: 55)
    public static let link = HTMLTag(rawValue: 56)
    public static let listing = HTMLTag(rawValue: 57)
    public static let main = HTMLTag(rawValue: 58)
    public static let marquee = HTMLTag(rawValue: 59)
    public static let menu = HTMLTag(rawValue: 60)
    public static let meta = HTMLTag(rawValue: 61)
    public static let nav = HTMLTag(rawValue: 62)
    public static let nobr = HTMLTag(rawValue: 63)
    public static let noembed = HTMLTag(rawValue: 64)
    public static let noframes = HTMLTag(rawValue: 65)
    public static let noscript = HTMLTag(rawValue: 66)
    public static let object = HTMLTag(rawValue: 67)
    public static let ol = HTMLTag(rawValue: 68)
    public static let optgroup = HTMLTag(rawValue: 69)
    public static let option = HTMLTag(rawValue: 70)
    public static let p = HTMLTag(rawValue: 71)
    public static let param = HTMLTag(rawValue: 72)
    public static let plaintext = HTMLTag(rawValue: 73)
    public static let pre = HTMLTag(rawValue: 74)
    public static let rb = HTMLTag(rawValue: 75)
    public static let rp = HTMLTag(rawValue: 76)
    public static let rt = HTMLTag(rawValue: 77)
    public static let rtc = HTMLTag(rawValue: 78)
    public static let ruby = HTMLTag(rawValue: 79)
    public static let s = HTMLTag(rawValue: 80)
    public static let script = HTMLTag(rawValue: 81)
    public static let search = HTMLTag(rawValue: 82)
    public static let section = HTMLTag(rawValue: 83)
    public static let select = HTMLTag(rawValue: 84)
    public static let small = HTMLTag(rawValue: 85)
    public static let source = HTMLTag(rawValue: 86)
    public static let strike = HTMLTag(rawValue: 87)
    public static let strong = HTMLTag(rawValue: 88)
    public static let style = HTMLTag(rawValue: 89)
    public static let sub = HTMLTag(rawValue: 90)
    public static let summary = HTMLTag(rawValue: 91)
    public static let sup = HTMLTag(rawValue: 92)
    public static let table = HTMLTag(rawValue: 93)
    public static let tbody = HTMLTag(rawValue: 94)
    public static let td = HTMLTag(rawValue: 95)
    public static let template = HTMLTag(rawValue: 96)
    public static let textarea = HTMLTag(rawValue: 97)
    public static let tfoot = HTMLTag(rawValue: 98)
    public static let th = HTMLTag(rawValue: 99)
    public static let thead = HTMLTag(rawValue: 100)
    public static let title = HTMLTag(rawValue: 101)
    public static let tr = HTMLTag(rawValue: 102)
    public static let track = HTMLTag(rawValue: 103)
    public static let tt = HTMLTag(rawValue: 104)
    public static let u = HTMLTag(rawValue: 105)
    public static let ul = HTMLTag(rawValue: 106)
    public static let wbr = HTMLTag(rawValue: 107)
    public static let xmp = HTMLTag(rawValue: 108)
    public static let math = HTMLTag(rawValue: 109)
    public static let svg = HTMLTag(rawValue: 110)
    public static let mi = HTMLTag(rawValue: 111)
    public static let mo = HTMLTag(rawValue: 112)
    public static let mn = HTMLTag(rawValue: 113)
    public static let ms = HTMLTag(rawValue: 114)
    public static let mtext = HTMLTag(rawValue: 115)
    public static let annotationXML = HTMLTag(rawValue: 116)
    public static let foreignObject = HTMLTag(rawValue: 117)
    public static let desc = HTMLTag(rawValue: 118)
    public static let mglyph = HTMLTag(rawValue: 119)
    public static let malignmark = HTMLTag(rawValue: 120)
    public static let span = HTMLTag(rawValue: 121)
    public static let label = HTMLTag(rawValue: 122)
    public static let time = HTMLTag(rawValue: 123)
    public static let cite = HTMLTag(rawValue: 124)
    public static let q = HTMLTag(rawValue: 125)
    public static let picture = HTMLTag(rawValue: 126)
    public static let video = HTMLTag(rawValue: 127)
    public static let audio = HTMLTag(rawValue: 128)
    public static let canvas = HTMLTag(rawValue: 129)
    public static let abbr = HTMLTag(rawValue: 130)
    public static let mark = HTMLTag(rawValue: 131)
    public static let menuitem = HTMLTag(rawValue: 132)

    /// The known names, indexed by id (0 is the empty name of `unknown`).
    public static let knownNames: [String] = [
        "", "a", "address", "applet", "area", "article", "aside", "b", "base", "basefont", "bgsound", "big", "blockquote", "body",
        "br", "button", "caption", "center", "code", "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "em",
        "embed", "fieldset", "figcaption", "figure", "font", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5",
        "h6", "head", "header", "hgroup", "hr", "html", "i", "iframe", "image", "img", "input", "keygen", "li", "link", "listing",
        "main", "marquee", "menu", "meta", "nav", "nobr", "noembed", "noframes", "noscript", "object", "ol", "optgroup", "option",
        "p", "param", "plaintext", "pre", "rb", "rp", "rt", "rtc", "ruby", "s", "script", "search", "section", "select", "small",
        "source", "strike", "strong", "style", "sub", "summary", "sup", "table", "tbody", "td", "template", "textarea", "tfoot",
        "th", "thead", "title", "tr", "track", "tt", "u", "ul", "wbr", "xmp", "math", "svg", "mi", "mo", "mn", "ms", "mtext",
        "annotation-xml", "foreignobject", "desc", "mglyph", "malignmark", "span", "label", "time", "cite", "q", "picture",
        "video", "audio", "canvas", "abbr", "mark", "menuitem"
    ]
    public static let knownCount = Int32(knownNames.count)
}

/// A tag name of at most 16 bytes packed into two words: the key of the known-name table.
struct PackedName: Hashable {
    var low: UInt64
    var high: UInt64

    /// Packs `bytes[start..<end]` (at most 16 bytes), or nil when longer.
    @inline(__always)
    static func pack(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> PackedName? {
        let count = end - start
        if count > 16 { return nil }
        var low: UInt64 = 0
        var high: UInt64 = 0
        var i = 0
        while i < count {
            let b = UInt64(bytes[start + i])
            if i < 8 { low |= b << (UInt64(i) * 8) } else { high |= b << (UInt64(i - 8) * 8) }
            i += 1
        }
        return PackedName(low: low, high: high)
    }
}

extension HTMLTag {
    /// Known names by packed bytes.
    static let knownTable: [PackedName: Int32] = {
        var table: [PackedName: Int32] = [:]
        for (i, name) in knownNames.enumerated() where i > 0 {
            let bytes = Array(name.utf8)
            bytes.withUnsafeBufferPointer { table[PackedName.pack($0, 0, bytes.count)!] = Int32(i) }
        }
        return table
    }()
}
