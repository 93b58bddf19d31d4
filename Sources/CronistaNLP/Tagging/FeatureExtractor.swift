/// What the feature templates need to know about one token, computed once from its UTF-8 bytes.
package struct TokenInfo: Sendable {
    /// Hash of the form with `’` normalised to `'`.
    package var form: UInt64 = 0
    package var lower: UInt64 = 0
    /// Hashes of the lower-cased prefixes and suffixes of 1…4 characters (`0` when shorter).
    package var prefix: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    package var suffix: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// Character classes, runs capped at two (`Roma` → `Xxx`), and collapsed (`Xx`).
    package var shape: UInt64 = 0
    package var shortShape: UInt64 = 0
    /// Word-cluster ids at three granularities (`0xFFFF` = unknown word).
    package var cluster: (UInt16, UInt16, UInt16) = (0xFFFF, 0xFFFF, 0xFFFF)
    /// Gazetteer position code (see ``Gazetteer/match(forms:codes:)``).
    package var gazetteer: UInt8 = 0
    /// The same for the names annotated in the training data.
    package var corpusGazetteer: UInt8 = 0
    package var firstName = false
    /// Starts with an upper-case letter (ASCII or Latin-1).
    package var capitalised = false
    package init() {}
}

/// Turns tokens into hashed feature indices: `templateCount` bucket indices per token, in a flat buffer.
/// Shared by the trainer and the tagger so that both see exactly the same features.
package struct FeatureExtractor: Sendable {
    /// Number of feature templates; every token gets exactly this many features.
    package static let templateCount = 53
    package let bucketBits: Int
    package let clusters: HashTable<(UInt16, UInt16, UInt16)>
    package let gazetteer: Gazetteer

    package init(bucketBits: Int, clusters: HashTable<(UInt16, UInt16, UInt16)>, gazetteer: Gazetteer) {
        self.bucketBits = bucketBits
        self.clusters = clusters
        self.gazetteer = gazetteer
    }

    // MARK: token analysis

    @inline(__always)
    static func isContinuation(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }

    /// Lower-cases ASCII and Latin-1 capitals (`À`–`Þ`), normalises `’` to `'`: writes the normalised form
    /// into `form` and its lower-case into `lower`, each with room for `bytes.count` bytes (neither is
    /// longer than the token), and returns their lengths. Plain stores, no array appends: this runs
    /// for every byte of every token tagged.
    @inline(__always)
    static func normalise(
        _ bytes: UnsafeBufferPointer<UInt8>, form: UnsafeMutablePointer<UInt8>, lower: UnsafeMutablePointer<UInt8>
    ) -> (form: Int, lower: Int) {
        var i = 0, f = 0, l = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 {
                form[f] = 0x27
                lower[l] = 0x27
                f += 1
                l += 1
                i += 3
                continue
            }
            form[f] = b
            f += 1
            if b >= 0x41 && b <= 0x5A {
                lower[l] = b | 0x20
                l += 1
            } else if b == 0xC3, i + 1 < n, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0x9E, bytes[i + 1] != 0x97 {
                lower[l] = b
                lower[l + 1] = bytes[i + 1] | 0x20
                l += 2
                form[f] = bytes[i + 1]
                f += 1
                i += 2
                continue
            } else {
                lower[l] = b
                l += 1
            }
            i += 1
        }
        return (f, l)
    }

    /// Fills `info` for one token (everything but the gazetteer code, which needs the sentence);
    /// `form` and `lower` are scratch buffers, grown here when a token is longer than they are.
    @inline(__always)
    func analyse(_ bytes: UnsafeBufferPointer<UInt8>, form: inout [UInt8], lower: inout [UInt8], into info: inout TokenInfo) {
        let n = bytes.count
        if form.count < n { form = [UInt8](repeating: 0, count: max(n, 2 * form.count, 64)) }
        if lower.count < n { lower = [UInt8](repeating: 0, count: max(n, 2 * lower.count, 64)) }
        form.withUnsafeMutableBufferPointer { fb in
            lower.withUnsafeMutableBufferPointer { lb in
                let (fn, ln) = Self.normalise(bytes, form: fb.baseAddress!, lower: lb.baseAddress!)
                analyse(
                    bytes, form: UnsafeBufferPointer(rebasing: fb[0..<fn]), lower: UnsafeBufferPointer(rebasing: lb[0..<ln]), into: &info)
            }
        }
    }

    /// Fills `info` from a token and its normalised form and lower-case (see ``normalise(_:form:lower:)``).
    @inline(__always)
    func analyse(
        _ bytes: UnsafeBufferPointer<UInt8>, form f: UnsafeBufferPointer<UInt8>, lower l: UnsafeBufferPointer<UInt8>,
        into info: inout TokenInfo
    ) {
        if let b = bytes.first {
            info.capitalised =
                (b >= 0x41 && b <= 0x5A)
                || (b == 0xC3 && bytes.count > 1 && bytes[1] >= 0x80 && bytes[1] <= 0x9E && bytes[1] != 0x97)
        } else {
            info.capitalised = false
        }
        info.form = FeatureHash.bytes(f)
        do {
            info.lower = FeatureHash.bytes(l)
            // Prefixes: running hash at each character boundary.
            var h = FeatureHash.offset
            var chars = 0
            var p: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            var i = 0
            while i < l.count, chars < 4 {
                h = FeatureHash.step(h, l[i])
                i += 1
                if i == l.count || !Self.isContinuation(l[i]) {
                    chars += 1
                    switch chars {
                    case 1: p.0 = FeatureHash.mix(h)
                    case 2: p.1 = FeatureHash.mix(h)
                    case 3: p.2 = FeatureHash.mix(h)
                    default: p.3 = FeatureHash.mix(h)
                    }
                }
            }
            info.prefix = p
            // Suffixes: hash of the last k characters.
            var s: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            var start = l.count
            for k in 1...4 {
                guard start > 0 else { break }
                start -= 1
                while start > 0, Self.isContinuation(l[start]) { start -= 1 }
                var hs = FeatureHash.offset
                for j in start..<l.count { hs = FeatureHash.step(hs, l[j]) }
                let v = FeatureHash.mix(hs)
                switch k {
                case 1: s.0 = v
                case 2: s.1 = v
                case 3: s.2 = v
                default: s.3 = v
                }
            }
            info.suffix = s
        }
        // Shape over the normalised form.
        var shape = FeatureHash.offset, short = FeatureHash.offset
        var last: UInt8 = 0, run = 0, length = 0
        do {
            var i = 0
            while i < f.count {
                let b = f[i]
                var c: UInt8
                var width = 1
                if b >= 0x41 && b <= 0x5A {
                    c = 0x58
                }  // X
                else if b >= 0x61 && b <= 0x7A {
                    c = 0x78
                }  // x
                else if b >= 0x30 && b <= 0x39 {
                    c = 0x64
                }  // d
                else if b < 0x80 {
                    c = b
                } else {
                    width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                    if b == 0xC3, i + 1 < f.count, f[i + 1] <= 0x9E, f[i + 1] != 0x97 {
                        c = 0x58
                    } else if b >= 0xC3 && b <= 0xD4 {
                        c = 0x78
                    } else if b == 0xE2 {
                        c = 0x2D
                    }  // general punctuation: dashes, quotes
                    else {
                        c = 0x7E
                    }
                }
                if c == last { run += 1 } else { run = 1; short = FeatureHash.step(short, c) }
                if run <= 2, length < 12 { shape = FeatureHash.step(shape, c); length += 1 }
                last = c
                i += width
            }
        }
        info.shape = FeatureHash.mix(shape)
        info.shortShape = FeatureHash.mix(short)
        info.cluster = clusters[info.lower] ?? (0xFFFF, 0xFFFF, 0xFFFF)
        // Set by the gazetteer pass over the sentence (``Gazetteer/firstSteps(forms:into:)``).
        info.firstName = false
        info.gazetteer = 0
    }

    // MARK: features

    @inline(__always)
    func bucket(_ template: UInt64, _ value: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: FeatureHash.mix(value ^ (template &* 0x9E37_79B9_7F4A_7C15)) >> UInt64(64 - bucketBits))
    }

    static let boundary: UInt64 = 0x5EB7_1E55_0000_0001
    static let boundaryLeft: UInt64 = 0x5EB7_1E55_0000_0002

    /// Writes `templateCount` bucket indices for each token of `infos` into `out` (`count × templateCount`).
    package func features(_ infos: UnsafeBufferPointer<TokenInfo>, into out: UnsafeMutableBufferPointer<UInt32>) {
        let n = infos.count
        let F = Self.templateCount
        @inline(__always) func lower(_ j: Int) -> UInt64 {
            j < 0 ? Self.boundaryLeft : j >= n ? Self.boundary : infos[j].lower
        }
        @inline(__always) func short(_ j: Int) -> UInt64 {
            j < 0 ? Self.boundaryLeft : j >= n ? Self.boundary : infos[j].shortShape
        }
        @inline(__always) func cl(_ j: Int, _ level: Int) -> UInt64 {
            if j < 0 { return 0xFFFF_0001 }
            if j >= n { return 0xFFFF_0002 }
            let c = infos[j].cluster
            return UInt64(level == 0 ? c.0 : level == 1 ? c.1 : c.2)
        }
        @inline(__always) func gaz(_ j: Int) -> UInt64 {
            j < 0 ? 100 : j >= n ? 101 : UInt64(infos[j].gazetteer)
        }
        @inline(__always) func cgaz(_ j: Int) -> UInt64 {
            j < 0 ? 100 : j >= n ? 101 : UInt64(infos[j].corpusGazetteer)
        }
        for i in 0..<n {
            let t = infos[i]
            let o = i * F
            let sh = t.shortShape
            var k = 0
            @inline(__always) func add(_ v: UInt64) { out[o + k] = bucket(UInt64(k), v); k += 1 }
            add(0)
            add(t.form)
            add(t.lower)
            add(t.prefix.0); add(t.prefix.1); add(t.prefix.2); add(t.prefix.3)
            add(t.suffix.0); add(t.suffix.1); add(t.suffix.2); add(t.suffix.3)
            add(t.shape)
            add(sh)
            add(lower(i - 1)); add(lower(i + 1)); add(lower(i - 2)); add(lower(i + 2))
            add(short(i - 1)); add(short(i + 1))
            add(FeatureHash.combine(lower(i - 1), t.lower))
            add(FeatureHash.combine(t.lower, lower(i + 1)))
            add(cl(i, 0)); add(cl(i, 1)); add(cl(i, 2))
            add(cl(i - 1, 2)); add(cl(i + 1, 2)); add(cl(i - 1, 1)); add(cl(i + 1, 1))
            add(gaz(i)); add(gaz(i - 1)); add(gaz(i + 1))
            add(FeatureHash.combine(gaz(i), sh))
            add(t.firstName ? 1 : 0)
            add(i > 0 && infos[i - 1].firstName ? 1 : 0)
            add(FeatureHash.combine(i == 0 ? 1 : 0, sh))
            add(FeatureHash.combine(lower(i - 1), sh))
            add(FeatureHash.combine(sh, lower(i + 1)))
            add(FeatureHash.combine(FeatureHash.combine(short(i - 1), sh), short(i + 1)))
            add(FeatureHash.combine(cl(i, 1), sh))
            add(FeatureHash.combine(lower(i - 2), lower(i - 1)))
            add(FeatureHash.combine(lower(i + 1), lower(i + 2)))
            add(FeatureHash.combine(cl(i - 1, 1), cl(i, 1)))
            add(FeatureHash.combine(cl(i, 1), cl(i + 1, 1)))
            add(FeatureHash.combine(gaz(i), lower(i - 1)))
            add(cgaz(i)); add(cgaz(i - 1)); add(cgaz(i + 1))
            add(FeatureHash.combine(cgaz(i), sh))
            add(FeatureHash.combine(cgaz(i), gaz(i)))
            add(i > 0 ? infos[i - 1].form : Self.boundaryLeft)
            add(i + 1 < n ? infos[i + 1].form : Self.boundary)
            add(i > 0 ? infos[i - 1].suffix.2 : Self.boundaryLeft)
            add(FeatureHash.combine(t.suffix.2, sh))
            assert(k == F)
        }
    }
}
