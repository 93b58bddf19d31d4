public import CronistaCore

/// The seven BIO tags of the PER/ORG/LOC tagger, as one byte: 0 = `O`, then `B-`/`I-` per type in
/// ``EntityType`` order (PER, ORG, LOC).
public struct NERTag: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8
    public static let count = 7
    public static let outside = NERTag(rawValue: 0)

    @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }

    public init(begin type: EntityType) { rawValue = 1 + 2 * type.rawValue }
    public init(inside type: EntityType) { rawValue = 2 + 2 * type.rawValue }

    /// Parses `O`, `B-PER`, `I-LOC`…; a bare type (`PER`) or an `E-`/`S-` prefix is read conlleval-style
    /// (`S-` as `B-`, `E-` and bare as `I-`); anything else is `O`.
    public init(label: some StringProtocol) {
        if label.count >= 3, let dash = label.firstIndex(of: "-"), label.distance(from: label.startIndex, to: dash) == 1,
            let type = EntityType(label: label[label.index(after: dash)...])
        {
            switch label.first {
            case "B", "S": self.init(begin: type)
            default: self.init(inside: type)
            }
        } else if let type = EntityType(label: label) {
            self.init(inside: type)
        } else {
            self = .outside
        }
    }

    public var type: EntityType? { rawValue == 0 ? nil : EntityType(rawValue: (rawValue - 1) / 2) }
    public var isBegin: Bool { rawValue != 0 && rawValue % 2 == 1 }
    public var isInside: Bool { rawValue != 0 && rawValue % 2 == 0 }

    /// Whether the tag may follow `previous` in a well-formed BIO sequence (`nil` = sentence start).
    @inlinable public func canFollow(_ previous: NERTag?) -> Bool {
        if rawValue == 0 || rawValue % 2 == 1 { return true }
        guard let p = previous, p.rawValue != 0 else { return false }
        return (p.rawValue + 1) / 2 == rawValue / 2
    }

    public var description: String {
        guard let type else { return "O" }
        return (isBegin ? "B-" : "I-") + type.label
    }

    public static let all: [NERTag] = (0..<UInt8(count)).map(NERTag.init(rawValue:))
}
