/// A small Apache Parquet writer for export tables: every column an optional UTF-8 string
/// (`BYTE_ARRAY`, `UTF8`) or 64-bit integer (`INT64`), PLAIN encoding, no compression, one data
/// page per column chunk, definition levels in the RLE/bit-packed hybrid (bit width 1), and the
/// footer in the Thrift compact protocol. Rows are buffered up to ``rowGroupSize`` and then written
/// out as a row group, so memory is bounded by one row group whatever the table's length.
///
/// Bytes go to `output` as they are made (a file or a stream); ``finish()`` writes the footer.
public struct ParquetWriter {
    public enum ColumnType: Sendable { case string, int64 }

    public struct Column: Sendable {
        public var name: String
        public var type: ColumnType
        public init(_ name: String, _ type: ColumnType = .string) {
            self.name = name
            self.type = type
        }
    }

    public let columns: [Column]
    public let rowGroupSize: Int
    private let output: ([UInt8]) throws -> Void
    /// Bytes written so far (the offset of the next byte).
    private var offset = 0
    private var rows: [[String?]] = []
    private var rowGroups: [[UInt8]] = []
    private var totalRows = 0

    public init(columns: [Column], rowGroupSize: Int = 10_000, output: @escaping ([UInt8]) throws -> Void) throws {
        self.columns = columns
        self.rowGroupSize = max(1, rowGroupSize)
        self.output = output
        try emit(Array("PAR1".utf8))
    }

    private mutating func emit(_ bytes: [UInt8]) throws {
        try output(bytes)
        offset += bytes.count
    }

    /// One row, a value (or `nil`) per column; an `int64` column's value is its decimal text.
    public mutating func append(_ row: [String?]) throws {
        rows.append(row)
        if rows.count >= rowGroupSize { try flushRowGroup() }
    }

    /// Writes the rows still buffered and the footer.
    public mutating func finish() throws {
        try flushRowGroup()
        var t = ThriftCompact()
        t.beginStruct()
        t.i32(1, 1)  // version
        t.listHeader(2, count: columns.count + 1, type: ThriftCompact.structType)
        t.beginStruct()  // the root
        t.string(4, "schema")
        t.i32(5, Int32(columns.count))
        t.endStruct()
        for c in columns {
            t.beginStruct()
            t.i32(1, c.type == .string ? 6 : 2)  // BYTE_ARRAY or INT64
            t.i32(3, 1)  // OPTIONAL
            t.string(4, c.name)
            if c.type == .string { t.i32(6, 0) }  // UTF8
            t.endStruct()
        }
        t.i64(3, Int64(totalRows))
        t.listHeader(4, count: rowGroups.count, type: ThriftCompact.structType)
        for g in rowGroups { t.bytes.append(contentsOf: g) }
        t.string(6, "cronista")
        t.endStruct()
        let footer = t.bytes
        var le = [UInt8]()
        appendLE(&le, UInt32(footer.count))
        try emit(footer + le + Array("PAR1".utf8))
    }

    private mutating func flushRowGroup() throws {
        guard !rows.isEmpty else { return }
        var chunks: [(offset: Int, size: Int, values: Int)] = []
        let start = offset
        for (i, c) in columns.enumerated() {
            // Definition levels: 1 for a value, 0 for null, as RLE runs.
            var levels: [UInt8] = []
            var values: [UInt8] = []
            var runValue: UInt8 = 2
            var runLength = 0
            func closeRun() {
                guard runLength > 0 else { return }
                appendVarint(&levels, UInt64(runLength) << 1)
                levels.append(runValue)
            }
            for row in rows {
                let v = i < row.count ? row[i] : nil
                let level: UInt8 = v == nil ? 0 : 1
                if level != runValue {
                    closeRun()
                    runValue = level
                    runLength = 0
                }
                runLength += 1
                guard let v else { continue }
                switch c.type {
                case .string:
                    appendLE(&values, UInt32(v.utf8.count))
                    values.append(contentsOf: v.utf8)
                case .int64:
                    guard let n = Int64(v) else { throw ParquetError(column: c.name, value: v) }
                    appendLE(&values, UInt64(bitPattern: n))
                }
            }
            closeRun()
            var page: [UInt8] = []
            appendLE(&page, UInt32(levels.count))
            page += levels
            page += values
            var h = ThriftCompact()
            h.beginStruct()
            h.i32(1, 0)  // DATA_PAGE
            h.i32(2, Int32(page.count))
            h.i32(3, Int32(page.count))
            h.structHeader(5)
            h.i32(1, Int32(rows.count))
            h.i32(2, 0)  // PLAIN
            h.i32(3, 3)  // RLE
            h.i32(4, 3)  // RLE
            h.endStruct()
            h.endStruct()
            let chunkOffset = offset
            try emit(h.bytes + page)
            chunks.append((chunkOffset, offset - chunkOffset, rows.count))
        }
        var g = ThriftCompact()
        g.beginStruct()
        g.listHeader(1, count: columns.count, type: ThriftCompact.structType)
        for (c, chunk) in zip(columns, chunks) {
            g.beginStruct()
            g.i64(2, Int64(chunk.offset))
            g.structHeader(3)
            g.i32(1, c.type == .string ? 6 : 2)
            g.listHeader(2, count: 2, type: ThriftCompact.i32Type)
            g.zigzag(0)  // PLAIN
            g.zigzag(3)  // RLE
            g.listHeader(3, count: 1, type: ThriftCompact.binaryType)
            g.raw(c.name)
            g.i32(4, 0)  // UNCOMPRESSED
            g.i64(5, Int64(chunk.values))
            g.i64(6, Int64(chunk.size))
            g.i64(7, Int64(chunk.size))
            g.i64(9, Int64(chunk.offset))
            g.endStruct()
            g.endStruct()
        }
        g.i64(2, Int64(offset - start))
        g.i64(3, Int64(rows.count))
        g.endStruct()
        rowGroups.append(g.bytes)
        totalRows += rows.count
        rows.removeAll(keepingCapacity: true)
    }
}

/// A value that an `int64` Parquet column cannot hold.
public struct ParquetError: Error, CustomStringConvertible {
    public var column: String
    public var value: String
    public var description: String { "parquet: column '\(column)' is int64, but '\(value)' is not a 64-bit integer" }
}

private func appendLE<T: FixedWidthInteger>(_ out: inout [UInt8], _ v: T) {
    withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) }
}

private func appendVarint(_ out: inout [UInt8], _ v: UInt64) {
    var v = v
    while v >= 0x80 {
        out.append(UInt8(v & 0x7F) | 0x80)
        v >>= 7
    }
    out.append(UInt8(v))
}

/// The Thrift compact protocol, as much of it as a Parquet footer needs.
struct ThriftCompact {
    static let i32Type: UInt8 = 5
    static let i64Type: UInt8 = 6
    static let binaryType: UInt8 = 8
    static let listType: UInt8 = 9
    static let structType: UInt8 = 12

    var bytes: [UInt8] = []
    private var lastField: [Int16] = []

    mutating func beginStruct() { lastField.append(0) }

    mutating func endStruct() {
        bytes.append(0)
        lastField.removeLast()
    }

    mutating func fieldHeader(_ id: Int16, _ type: UInt8) {
        let delta = id - (lastField.last ?? 0)
        if delta > 0 && delta <= 15 {
            bytes.append(UInt8(delta) << 4 | type)
        } else {
            bytes.append(type)
            zigzag(Int64(id))
        }
        if !lastField.isEmpty { lastField[lastField.count - 1] = id }
    }

    mutating func zigzag(_ v: Int64) { appendVarint(&bytes, UInt64(bitPattern: (v << 1) ^ (v >> 63))) }

    mutating func i32(_ id: Int16, _ v: Int32) {
        fieldHeader(id, Self.i32Type)
        zigzag(Int64(v))
    }

    mutating func i64(_ id: Int16, _ v: Int64) {
        fieldHeader(id, Self.i64Type)
        zigzag(v)
    }

    mutating func string(_ id: Int16, _ s: String) {
        fieldHeader(id, Self.binaryType)
        raw(s)
    }

    /// A string without a field header (a list element).
    mutating func raw(_ s: String) {
        appendVarint(&bytes, UInt64(s.utf8.count))
        bytes.append(contentsOf: s.utf8)
    }

    mutating func listHeader(_ id: Int16, count: Int, type: UInt8) {
        fieldHeader(id, Self.listType)
        if count < 15 {
            bytes.append(UInt8(count) << 4 | type)
        } else {
            bytes.append(0xF0 | type)
            appendVarint(&bytes, UInt64(count))
        }
    }

    /// A struct-valued field: its header, then its fields, then ``endStruct()``.
    mutating func structHeader(_ id: Int16) {
        fieldHeader(id, Self.structType)
        beginStruct()
    }
}
