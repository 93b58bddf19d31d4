#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A model's hashed weight table (`buckets × 8` Int16: seven tag scores and a zero pad per bucket),
/// laid out for the tagger's random row reads, which are most of its time:
/// - one anonymous mapping, zero-filled by the system (loading writes only the rows in the file),
///   backed by 2 MB pages where Linux allows (`MADV_HUGEPAGE`), so that a read seldom misses the TLB;
/// - one bit per bucket telling whether its row holds any weight (128 KB for a million buckets, which
///   stays in the L2 cache): most buckets are empty (no training feature hashed there: 63 % of the
///   English model's, 85 % of the Italian's), and ``slotOffset(_:_:)`` sends them to a zero row after
///   the table, which stays in L1, instead of to a cache miss that would add nothing;
/// - a two-stage model whose stages hash into the same number of buckets keeps both stages' rows of a
///   bucket side by side (``paired(count:first:second:)``): the second stage's reads of the first stage's
///   features then hit the cache line the first stage has just read.
///
/// Immutable once built (so `Sendable`); freed with the last table that uses it.
public final class NERWeightTable: @unchecked Sendable {
    /// Number of Int16 elements (`buckets × 8`).
    public let count: Int
    let storage: Storage
    /// Byte offset of this table's rows within a bucket's slot (16 for the second of a pair).
    let lane: Int

    /// The mapping shared by one table or by a pair.
    final class Storage: @unchecked Sendable {
        /// Bucket `b`'s slot is at `base + b × slot`; after the last slot, one zero slot.
        let base: UnsafeMutableRawPointer
        /// 16 (one table) or 32 (a pair).
        let slot: Int
        /// One bit per bucket: set when a row of its slot is not all zero.
        let occupied: UnsafeMutablePointer<UInt64>
        /// The byte offset of the zero slot.
        let zeroSlot: Int
        private let mapping: UnsafeMutableRawPointer
        private let mappingSize: Int

        static let hugePage = 2 << 20

        init(buckets: Int, slot: Int) {
            self.slot = slot
            let words = (buckets + 63) / 64
            zeroSlot = buckets * slot
            let bytes = buckets * slot + slot + words * 8
            let huge = bytes >= Self.hugePage
            let size = huge ? bytes + Self.hugePage : bytes
            let p = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
            guard let p, p != MAP_FAILED else {
                fatalError("NERWeightTable: cannot map \(size) bytes (errno \(errno))")
            }
            mapping = p
            mappingSize = size
            if huge {
                let aligned = (Int(bitPattern: p) + Self.hugePage - 1) & ~(Self.hugePage - 1)
                base = UnsafeMutableRawPointer(bitPattern: aligned)!
                #if os(Linux)
                    // Advice only: without transparent huge pages the table is the same, in 4 KB pages.
                    _ = madvise(base, (bytes + Self.hugePage - 1) & ~(Self.hugePage - 1), MADV_HUGEPAGE)
                #endif
            } else {
                base = p
            }
            occupied = (base + zeroSlot + slot).bindMemory(to: UInt64.self, capacity: words)
        }

        deinit { munmap(mapping, mappingSize) }

        /// The rows of lane `lane` (`buckets × 8` elements, `slot / 2` apart) for `fill`.
        func fill(
            buckets: Int, lane: Int, _ fill: (_ set: (_ bucket: Int, _ tag: Int, _ value: Int16) -> Void) throws -> Void
        ) rethrows {
            let base = self.base, slot = self.slot, occupied = self.occupied
            try fill { b, t, v in
                precondition(b >= 0 && b < buckets && t >= 0 && t < NERModel.stride)
                base.storeBytes(of: v, toByteOffset: b * slot + lane + t * 2, as: Int16.self)
                if v != 0 { occupied[b >> 6] |= 1 << UInt64(b & 63) }
            }
        }
    }

    init(count: Int, storage: Storage, lane: Int) {
        self.count = count
        self.storage = storage
        self.lane = lane
    }

    /// A zero-filled table of `count` elements (a whole number of rows); `fill` writes its non-zero
    /// values with `set(bucket, tag, value)` before the table is shared.
    convenience init(count: Int, fill: (_ set: (Int, Int, Int16) -> Void) throws -> Void) rethrows {
        precondition(count % NERModel.stride == 0, "NERWeightTable: \(count) is not a whole number of rows")
        let buckets = count / NERModel.stride
        let storage = Storage(buckets: buckets, slot: 16)
        try storage.fill(buckets: buckets, lane: 0, fill)
        self.init(count: count, storage: storage, lane: 0)
    }

    /// Two tables of `count` elements each in one storage, bucket by bucket side by side, filled by
    /// `first` and `second`.
    static func paired(
        count: Int, first: (_ set: (Int, Int, Int16) -> Void) throws -> Void, second: (_ set: (Int, Int, Int16) -> Void) throws -> Void
    ) rethrows -> (NERWeightTable, NERWeightTable) {
        precondition(count % NERModel.stride == 0, "NERWeightTable: \(count) is not a whole number of rows")
        let buckets = count / NERModel.stride
        let storage = Storage(buckets: buckets, slot: 32)
        try storage.fill(buckets: buckets, lane: 0, first)
        try storage.fill(buckets: buckets, lane: 16, second)
        return (NERWeightTable(count: count, storage: storage, lane: 0), NERWeightTable(count: count, storage: storage, lane: 16))
    }

    /// A table holding `values`.
    convenience init(_ values: [Int16]) {
        self.init(count: values.count) { set in
            for (i, v) in values.enumerated() where v != 0 { set(i / NERModel.stride, i % NERModel.stride, v) }
        }
    }

    /// The element at `i` (bucket `i / 8`, tag `i % 8`).
    public subscript(_ i: Int) -> Int16 {
        precondition(i >= 0 && i < count, "NERWeightTable index \(i) out of range 0..<\(count)")
        return storage.base.load(fromByteOffset: (i / NERModel.stride) * storage.slot + lane + (i % NERModel.stride) * 2, as: Int16.self)
    }

    /// Whether `other` shares this table's storage, bucket by bucket (the two stages of a model).
    func isPaired(with other: NERWeightTable) -> Bool { storage === other.storage && storage.slot == 32 }

    /// The byte offset from `storage.base` of bucket `b`'s slot, or of the zero slot when the bucket
    /// is empty (the same sum, without the memory read).
    ///
    /// Branch-free: whether a bucket is occupied is a coin toss to the branch predictor (37 % of the
    /// English buckets are), and each misprediction threw away the row reads the processor had
    /// started for the next features.
    @inline(__always)
    static func slotOffset(_ s: Storage, _ b: Int) -> Int {
        let bit = Int(truncatingIfNeeded: (s.occupied[b &>> 6] &>> UInt64(b & 63)) & 1)
        let mask = 0 &- bit
        return (b &* s.slot) & mask | s.zeroSlot & ~mask
    }

    /// A copy of every element (for the trainer and tests, not for tagging).
    public var values: [Int16] { (0..<count).map { self[$0] } }
}

extension NERWeightTable: Equatable {
    /// Same elements.
    public static func == (a: NERWeightTable, b: NERWeightTable) -> Bool {
        guard a.count == b.count else { return false }
        if a.storage === b.storage && a.lane == b.lane { return true }
        for i in 0..<a.count where a[i] != b[i] { return false }
        return true
    }
}
