import CronistaCore
import CronistaResources
public import Foundation

/// The one place the NLP module reads its resource files (model, knowledge base, lexicons), by path
/// relative to `Sources/CronistaNLP/Resources`: the copy embedded in the binary, or the file of the
/// same path under `$CRONISTA_RESOURCES`. Bytes, not paths: an embedded file has no path.
public enum NLPResources {
    /// The bytes of a resource; valid for the life of the process, never copied.
    ///
    /// - Throws: ``CronistaError`` (`unreadable-file`) naming every place looked in.
    public static func bytes(_ relativePath: String) throws -> UnsafeRawBufferPointer {
        do {
            return try ResourceSet.nlp.bytes(relativePath)
        } catch {
            throw CronistaError(.unreadableFile, error.description, file: relativePath)
        }
    }

    /// The bytes of a resource as `Data`, without a copy.
    public static func data(_ relativePath: String) throws -> Data {
        let b = try bytes(relativePath)
        guard let base = b.baseAddress, b.count > 0 else { return Data() }
        return Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: b.count, deallocator: .none)
    }

    /// The text of a resource (UTF-8).
    public static func text(_ relativePath: String) throws -> String {
        String(decoding: try bytes(relativePath), as: UTF8.self)
    }

    /// Every embedded resource path, sorted.
    public static var embeddedPaths: [String] { ResourceSet.nlp.paths }
}
