/// The WHATWG named character references (`HTMLEntities+Table.swift`, generated), parsed once into a
/// sorted flat table for a longest-prefix match by narrowing a range byte by byte.
final class HTMLEntities: Sendable {
    static let shared = HTMLEntities()

    /// All names' bytes back to back; name i is `names[offsets[i]..<offsets[i+1]]`.
    let names: [UInt8]
    let offsets: [Int32]
    /// The one or two code points of each name (0 when there is no second).
    let first: [UInt32]
    let second: [UInt32]

    private init() {
        var names: [UInt8] = []
        var offsets: [Int32] = [0]
        var first: [UInt32] = []
        var second: [UInt32] = []
        for line in HTMLEntities.table.utf8.split(separator: UInt8(ascii: "\n")) {
            let parts = line.split(separator: UInt8(ascii: " "))
            names.append(contentsOf: parts[0])
            offsets.append(Int32(names.count))
            first.append(UInt32(String(decoding: parts[1], as: UTF8.self), radix: 16)!)
            second.append(parts.count > 2 ? UInt32(String(decoding: parts[2], as: UTF8.self), radix: 16)! : 0)
        }
        self.names = names
        self.offsets = offsets
        self.first = first
        self.second = second
    }

    var count: Int { first.count }

    /// The longest name that prefixes `input[start..<end]`: its index and length, or nil.
    func longestMatch(_ input: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> (index: Int, length: Int)? {
        var lo = 0
        var hi = count
        var best: (Int, Int)? = nil
        var k = 0
        names.withUnsafeBufferPointer { nm in
            offsets.withUnsafeBufferPointer { off in
                while lo < hi {
                    // Entries in [lo, hi) share the first k bytes; a name of exactly k bytes sorts first.
                    if Int(off[lo + 1] - off[lo]) == k {
                        best = (lo, k)
                        lo += 1
                        if lo >= hi { break }
                    }
                    if start + k >= end { break }
                    let c = input[start + k]
                    // First entry with byte k >= c.
                    var a = lo
                    var b = hi
                    while a < b {
                        let m = (a + b) / 2
                        if nm[Int(off[m]) + k] < c { a = m + 1 } else { b = m }
                    }
                    var a2 = a
                    var b2 = hi
                    while a2 < b2 {
                        let m = (a2 + b2) / 2
                        if nm[Int(off[m]) + k] <= c { a2 = m + 1 } else { b2 = m }
                    }
                    lo = a
                    hi = a2
                    k += 1
                }
            }
        }
        return best
    }
}
