import CCronistaResources
import Synchronization
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files that ship inside the binary, by path relative to their `Resources` folder
/// (`"KB/entities.jsonl"`, `"Languages/it/ner.crner"`, `"Languages/it/quote-cues.txt"`).
///
/// `scripts/embed-resources` lists every file of the folder in `Sources/CCronistaResources`, whose
/// assembly puts each one into read-only data (`.incbin`): a copied `cronista` carries its model,
/// knowledge base and lexicons, and reading them copies nothing. A file of the same relative path
/// under `$CRONISTA_RESOURCES` replaces the embedded one (mapped, not read), for users who bring
/// their own model or knowledge base.
public struct ResourceSet: @unchecked Sendable {  // immutable; the pointers are to read-only data
    /// The module whose `Resources` folder this is, for messages.
    public let name: String
    private let table: [String: UnsafeRawBufferPointer]

    /// Every file under `Sources/CronistaNLP/Resources`.
    public static let nlp = ResourceSet(name: "CronistaNLP", cronista_nlp_resources)
    /// Every file under `Sources/CronistaServer/Resources`.
    public static let server = ResourceSet(name: "CronistaServer", cronista_server_resources)

    /// The environment variable naming a folder whose files replace embedded ones.
    public static let overrideVariable = "CRONISTA_RESOURCES"

    init(name: String, _ list: (UnsafeMutablePointer<Int>?) -> UnsafePointer<cronista_resource>?) {
        self.name = name
        var count = 0
        let rows = list(&count)!
        var table: [String: UnsafeRawBufferPointer] = [:]
        for i in 0..<count {
            let r = rows[i]
            table[String(cString: r.path)] = UnsafeRawBufferPointer(start: r.start, count: r.end - r.start)
        }
        self.table = table
    }

    /// The relative paths of the embedded files, sorted.
    public var paths: [String] { table.keys.sorted() }

    /// The embedded bytes of `relativePath` (not the override), or `nil`.
    public func embedded(_ relativePath: String) -> UnsafeRawBufferPointer? { table[relativePath] }

    /// The bytes of `relativePath`: `$CRONISTA_RESOURCES/relativePath` when that file exists, else
    /// the embedded file. The memory stays valid for the life of the process.
    ///
    /// - Throws: ``ResourceError`` naming every place looked in.
    public func bytes(_ relativePath: String) throws(ResourceError) -> UnsafeRawBufferPointer {
        var looked: [String] = []
        if let dir = Self.overrideDirectory {
            let path = dir.hasSuffix("/") ? dir + relativePath : dir + "/" + relativePath
            switch MappedFiles.shared.map(path) {
            case .success(let bytes): return bytes
            case .failure(let why): looked.append("$\(Self.overrideVariable): \(path) (\(why))")
            }
        } else {
            looked.append("$\(Self.overrideVariable) (not set)")
        }
        if let bytes = table[relativePath] { return bytes }
        looked.append("the \(table.count) files of \(name)/Resources embedded in this binary")
        throw ResourceError(relativePath: relativePath, looked: looked)
    }

    /// The text of `relativePath` (UTF-8), from ``bytes(_:)``.
    public func text(_ relativePath: String) throws(ResourceError) -> String {
        String(decoding: try bytes(relativePath), as: UTF8.self)
    }

    static var overrideDirectory: String? {
        guard let v = getenv(overrideVariable) else { return nil }
        let s = String(cString: v)
        return s.isEmpty ? nil : s
    }
}

/// A resource found nowhere.
public struct ResourceError: Error, CustomStringConvertible, Sendable {
    /// The path relative to the Resources folder.
    public var relativePath: String
    /// Every place looked in, in order, with why it did not do.
    public var looked: [String]

    public var description: String {
        "resource \(relativePath) not found; looked in: " + looked.joined(separator: "; ")
    }
}

/// Files of `$CRONISTA_RESOURCES`, mapped once and never unmapped (resources live as long as the
/// process, like the embedded ones).
final class MappedFiles: Sendable {
    static let shared = MappedFiles()
    private let files = Mutex<[String: (address: Int, count: Int)]>([:])

    func map(_ path: String) -> Result<UnsafeRawBufferPointer, MappingFailure> {
        let found: (address: Int, count: Int)? = files.withLock { $0[path] }
        if let found { return .success(UnsafeRawBufferPointer(start: UnsafeRawPointer(bitPattern: found.address), count: found.count)) }
        let fd = open(path, O_RDONLY)
        if fd < 0 { return .failure(MappingFailure(String(cString: strerror(errno)))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(MappingFailure(String(cString: strerror(errno)))) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { return .failure(MappingFailure("not a regular file")) }
        let count = Int(st.st_size)
        var address = 0
        if count > 0 {
            guard let p = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else {
                return .failure(MappingFailure(String(cString: strerror(errno))))
            }
            address = Int(bitPattern: p)
        }
        let kept = files.withLock { files in
            if let other = files[path] { return other }  // another thread won; this mapping is leaked, once
            files[path] = (address, count)
            return (address, count)
        }
        return .success(UnsafeRawBufferPointer(start: UnsafeRawPointer(bitPattern: kept.address), count: kept.count))
    }
}

struct MappingFailure: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
