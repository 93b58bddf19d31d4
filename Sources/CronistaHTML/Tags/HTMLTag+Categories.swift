/// Per-tag flags of the HTML namespace for the tree builder's sets (special, formatting, scopes,
/// implied end tags), one table lookup each.
struct TagFlags: OptionSet {
    let rawValue: UInt32
    static let special = TagFlags(rawValue: 1 << 0)
    static let formatting = TagFlags(rawValue: 1 << 1)
    /// Boundaries of "has an element in scope" (HTML namespace members).
    static let scope = TagFlags(rawValue: 1 << 2)
    /// Extra boundaries of list item scope.
    static let listScope = TagFlags(rawValue: 1 << 3)
    /// Extra boundary of button scope.
    static let buttonScope = TagFlags(rawValue: 1 << 4)
    /// Boundaries of table scope.
    static let tableScope = TagFlags(rawValue: 1 << 5)
    /// Elements whose end tags are implied ("generate implied end tags").
    static let impliedEnd = TagFlags(rawValue: 1 << 6)
    /// Elements whose end tags are implied thoroughly.
    static let impliedEndThorough = TagFlags(rawValue: 1 << 7)
    static let heading = TagFlags(rawValue: 1 << 8)
    /// Void elements (for the serialiser and the extractor).
    static let void = TagFlags(rawValue: 1 << 9)
    /// Start tags that break out of foreign content.
    static let foreignBreakout = TagFlags(rawValue: 1 << 10)
}

extension HTMLTag {
    static let flagTable: [TagFlags] = {
        var table = [TagFlags](repeating: [], count: Int(knownCount))
        func set(_ names: String, _ flag: TagFlags) {
            for name in names.split(separator: " ") {
                guard let i = knownNames.firstIndex(of: String(name)) else { fatalError("unknown tag \(name)") }
                table[i].insert(flag)
            }
        }
        set(
            "address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup dd "
                + "details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header "
                + "hgroup hr html iframe img input keygen li link listing main marquee menu meta nav noembed noframes noscript "
                + "object ol p param plaintext pre script search section source style summary table tbody td template "
                + "textarea tfoot th thead title tr track ul wbr xmp", .special)
        set("a b big code em font i nobr s small strike strong tt u", .formatting)
        set("applet caption html table td th marquee object template", .scope)
        set("ol ul", .listScope)
        set("button", .buttonScope)
        set("html table template", .tableScope)
        set("dd dt li optgroup option p rb rp rt rtc", .impliedEnd)
        set("caption colgroup dd dt li optgroup option p rb rp rt rtc tbody td tfoot th thead tr", .impliedEndThorough)
        set("h1 h2 h3 h4 h5 h6", .heading)
        set("area base basefont bgsound br col embed frame hr img input keygen link meta param source track wbr", .void)
        set(
            "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li listing menu meta "
                + "nobr ol p pre ruby s small span strong strike sub sup table tt u ul", .foreignBreakout)
        return table
    }()

    @inline(__always) var flags: TagFlags {
        rawValue < HTMLTag.knownCount ? HTMLTag.flagTable[Int(rawValue)] : []
    }
}
