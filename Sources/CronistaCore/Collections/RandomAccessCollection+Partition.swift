extension RandomAccessCollection where Index == Int {
    /// The first index whose element satisfies `belongs`, in a collection where every element that
    /// satisfies it comes after every element that does not (a binary search); `endIndex` when
    /// none does. The lower bound of sorted layers: "the first token ending after", "the first cue
    /// starting at or after".
    ///
    /// `@inlinable`, so callers in other modules get it specialised, closure inlined: it compiles
    /// to the same loop as a hand-written one.
    @inlinable
    public func partitioningIndex(where belongs: (Element) throws -> Bool) rethrows -> Int {
        var lo = startIndex, hi = endIndex
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if try belongs(self[mid]) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
