public import Foundation
import CronistaCore

/// The model file (`.crner`), little-endian:
///
///     "CRNER003"                       magic
///     u32 bucketBits, u32 templateCount, f32 scale
///     56 × i32                          transitions (8 × 7)
///     u32 n, n bytes                    info (`key=value` lines, UTF-8)
///     u32 n, n × (u64 key, 3 × u16)     word clusters
///     u32 maxLength, u32 n, n × u64, n × u16  gazetteer
///     u32 n, n × u32 bucket, n × 7 × i16      non-zero weight rows
///     u32 window                        0: one stage; else a second stage (``StackedFeatures``):
///       u32 templateCount, u32 bucketBits, f32 scale, 56 × i32 transitions, u32 n, n × u32, n × 7 × i16
///
/// CRNER002 (one stage, no window field) is refused with a message to retrain.
/// Loading is one read and a scatter into the dense weight table; no per-feature allocation.
extension NERModel {
    public static let formatName = "CRNER003"
    static let magic = Array(formatName.utf8)

    /// The serialised model.
    public func serialized() -> [UInt8] {
        var out = Self.magic
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func u16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        u32(UInt32(extractor.bucketBits))
        u32(UInt32(FeatureExtractor.templateCount))
        u32(scale.bitPattern)
        for t in transitions { u32(UInt32(bitPattern: t)) }
        let infoBytes = Array(info.text.utf8)
        u32(UInt32(infoBytes.count)); out += infoBytes
        let clusters = extractor.clusters.entries
        u32(UInt32(clusters.count))
        for (k, v) in clusters { u64(k); u16(v.0); u16(v.1); u16(v.2) }
        let gaz = extractor.gazetteer.table.entries
        u32(UInt32(extractor.gazetteer.maxLength))
        u32(UInt32(gaz.count))
        for (k, _) in gaz { u64(k) }
        for (_, v) in gaz { u16(v) }
        func table(_ weights: NERWeightTable) {
            var rows: [UInt32] = []
            let S = NERModel.stride
            for b in 0..<(weights.count / S) {
                for t in 0..<NERTag.count where weights[b * S + t] != 0 { rows.append(UInt32(b)); break }
            }
            u32(UInt32(rows.count))
            for r in rows { u32(r) }
            for r in rows { for t in 0..<NERTag.count { u16(UInt16(bitPattern: weights[Int(r) * S + t])) } }
        }
        table(weights)
        if let st2 = stage2 {
            u32(UInt32(st2.features.window))
            u32(UInt32(StackedFeatures.templateCount))
            u32(UInt32(st2.features.bucketBits))
            u32(st2.scale.bitPattern)
            for t in st2.transitions { u32(UInt32(bitPattern: t)) }
            table(st2.weights)
        } else {
            u32(0)
        }
        return out
    }

    public func write(to path: String) throws {
        let bytes = serialized()
        do { try Data(bytes).write(to: URL(fileURLWithPath: path)) } catch {
            throw CronistaError(.unreadableFile, "cannot write the model: \(error)", file: path)
        }
    }

    /// Reads a model file.
    public convenience init(path: String) throws {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) } catch {
            throw CronistaError(.unreadableFile, "cannot read the NER model: \(error.localizedDescription)", file: path)
        }
        try self.init(bytes: data, name: path)
    }

    public convenience init(bytes data: Data, name: String = "<model>") throws {
        var pos = 0
        func fail(_ what: String) -> CronistaError {
            CronistaError(.model, "not a valid NER model (\(what))", file: name, byteOffset: pos)
        }
        func need(_ n: Int) throws { if pos + n > data.count { throw fail("truncated") } }
        func u32() throws -> UInt32 {
            try need(4)
            let v = data.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: pos, as: UInt32.self)) }
            pos += 4; return v
        }
        try need(8)
        let magic = Array(data[data.startIndex..<(data.startIndex + 8)])
        if magic == Array("CRNER002".utf8) {
            throw CronistaError(
                .model,
                "NER model format CRNER002 is no longer supported (this build reads \(Self.formatName), which adds the second stage); retrain it with `cronista train ner` or use the bundled model",
                file: name, byteOffset: 0)
        }
        guard magic == Self.magic else { throw fail("bad magic") }
        pos = 8
        let bits = Int(try u32())
        guard (10...26).contains(bits) else { throw fail("bucket bits \(bits)") }
        guard Int(try u32()) == FeatureExtractor.templateCount else { throw fail("feature templates differ from this build") }
        let scale = Float(bitPattern: try u32())
        var transitions = [Int32](repeating: 0, count: (NERTag.count + 1) * NERTag.count)
        for i in transitions.indices { transitions[i] = Int32(bitPattern: try u32()) }
        let infoCount = Int(try u32())
        try need(infoCount)
        let info = NERModelInfo(text: String(decoding: data[(data.startIndex + pos)..<(data.startIndex + pos + infoCount)], as: UTF8.self))
        pos += infoCount
        var stage2: NERModel.Stage2?
        let (clusters, gazetteer, weights): (HashTable<(UInt16, UInt16, UInt16)>, Gazetteer, NERWeightTable) = try data.withUnsafeBytes {
            raw in
            func u64(_ at: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
            func u16(_ at: Int) -> UInt16 { UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt16.self)) }
            func count() throws -> Int {
                try need(4)
                let v = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: pos, as: UInt32.self)))
                pos += 4; return v
            }
            let nc = try count()
            try need(nc * 14)
            var clusters = HashTable<(UInt16, UInt16, UInt16)>(capacity: nc, empty: (0xFFFF, 0xFFFF, 0xFFFF))
            for i in 0..<nc {
                let at = pos + i * 14
                clusters.insert(u64(at), (u16(at + 8), u16(at + 10), u16(at + 12)))
            }
            pos += nc * 14
            let maxLength = try count()
            let ng = try count()
            try need(ng * 10)
            var table = HashTable<UInt16>(capacity: ng, empty: 0)
            for i in 0..<ng { table.insert(u64(pos + i * 8), u16(pos + ng * 8 + i * 2)) }
            pos += ng * 10
            // A weight table's rows: where they are, checked and skipped; written into a table later
            // (a fresh mapping is already zero: only the rows in the file are written).
            func rows() throws -> (at: Int, count: Int) {
                let nr = try count()
                try need(nr * (4 + 2 * NERTag.count))
                defer { pos += nr * (4 + 2 * NERTag.count) }
                return (pos, nr)
            }
            func fill(_ r: (at: Int, count: Int), bits: Int, _ set: (Int, Int, Int16) -> Void) throws {
                let buckets = 1 << bits
                let valuesAt = r.at + r.count * 4
                for i in 0..<r.count {
                    let b = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: r.at + i * 4, as: UInt32.self)))
                    guard b < buckets else {
                        pos = r.at + i * 4
                        throw fail("bucket out of range")
                    }
                    for t in 0..<NERTag.count { set(b, t, Int16(bitPattern: u16(valuesAt + (i * NERTag.count + t) * 2))) }
                }
            }
            let rows1 = try rows()
            let weights: NERWeightTable
            let window = try count()
            if window > 0 {
                guard try count() == StackedFeatures.templateCount else {
                    throw fail("second-stage feature templates differ from this build")
                }
                let bits2 = try count()
                guard (10...bits).contains(bits2) else { throw fail("second-stage bucket bits \(bits2)") }
                let scale2 = Float(bitPattern: UInt32(try count()))
                var transitions2 = [Int32](repeating: 0, count: (NERTag.count + 1) * NERTag.count)
                for i in transitions2.indices { transitions2[i] = Int32(bitPattern: UInt32(try count())) }
                let rows2 = try rows()
                let weights2: NERWeightTable
                if bits2 == bits {
                    // Both stages read the same buckets for the first stage's features: side by side.
                    (weights, weights2) = try NERWeightTable.paired(
                        count: (1 << bits) * NERModel.stride, first: { try fill(rows1, bits: bits, $0) },
                        second: { try fill(rows2, bits: bits, $0) })
                } else {
                    weights = try NERWeightTable(count: (1 << bits) * NERModel.stride) { try fill(rows1, bits: bits, $0) }
                    weights2 = try NERWeightTable(count: (1 << bits2) * NERModel.stride) { try fill(rows2, bits: bits2, $0) }
                }
                stage2 = NERModel.Stage2(
                    features: StackedFeatures(window: window, bucketBits: bits2), weights: weights2, transitions: transitions2,
                    scale: scale2)
            } else {
                weights = try NERWeightTable(count: (1 << bits) * NERModel.stride) { try fill(rows1, bits: bits, $0) }
            }
            return (clusters, Gazetteer(table: table, maxLength: maxLength), weights)
        }
        let extractor = FeatureExtractor(bucketBits: bits, clusters: clusters, gazetteer: gazetteer)
        self.init(extractor: extractor, weights: weights, transitions: transitions, scale: scale, info: info, stage2: stage2)
    }

    /// The Italian model shipped with the library, by its path under `Resources`.
    public static let embeddedResource = ResourceFiles.Path.language("it", ResourceFiles.Path.nerModel)

    /// A resource file of the Italian pack's NER by its name (`ner-gazetteer.tsv`): its path under
    /// `Resources`, for ``NLPResources``.
    public static func resourcePath(_ file: String) -> String { ResourceFiles.Path.language("it", file) }

    /// Loads `path`, else `$CRONISTA_NER_MODEL`, else the embedded model (mapped in place, not read).
    public static func load(path: String? = nil) throws -> NERModel {
        if let path { return try NERModel(path: path) }
        if let env = ProcessInfo.processInfo.environment["CRONISTA_NER_MODEL"], !env.isEmpty {
            return try NERModel(path: env)
        }
        return try NERModel(bytes: NLPResources.data(embeddedResource), name: embeddedResource)
    }
}

extension NERModelInfo {
    /// `key=value` lines.
    public var text: String {
        var s = "seed=\(seed)\nepochs=\(epochs)\ndev=\(devFile)\ndevF1=\(devF1)\n"
        if stage1Epochs > 0 { s += "stage1Epochs=\(stage1Epochs)\n" }
        for f in trainingFiles { s += "train=\(f)\n" }
        return s
    }

    public init(text: String) {
        self.init()
        for line in text.split(separator: "\n") {
            guard let eq = line.firstIndex(of: "=") else { continue }
            let k = line[..<eq], v = String(line[line.index(after: eq)...])
            switch k {
            case "seed": seed = UInt64(v) ?? 0
            case "epochs": epochs = Int(v) ?? 0
            case "dev": devFile = v
            case "devF1": devF1 = Double(v) ?? 0
            case "stage1Epochs": stage1Epochs = Int(v) ?? 0
            case "train": trainingFiles.append(v)
            default: break
            }
        }
    }
}

extension HashTable where Value == (UInt16, UInt16, UInt16) {
    /// Word clusters from `word<TAB>c1<TAB>c2<TAB>c3` lines, keyed by the hash of the lower-cased word.
    package static func clusters(tsv: String) -> Self {
        var rows: [(UInt64, (UInt16, UInt16, UInt16))] = []
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == 4, let a = UInt16(f[1]), let b = UInt16(f[2]), let c = UInt16(f[3]) else { continue }
            rows.append((FeatureHash.string(String(f[0]).replacingApostrophes()), (a, b, c)))
        }
        var t = Self(capacity: rows.count, empty: (0xFFFF, 0xFFFF, 0xFFFF))
        for (k, v) in rows { t.insert(k, v) }
        return t
    }
}
