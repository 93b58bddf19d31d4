public import CronistaCore

/// One step of the analysis. Components declare the layers they need and the ones they set, and
/// ``Pipeline`` checks the order when it is built, not halfway through a crawl.
public protocol PipelineComponent: Sendable {
    var name: String { get }
    var requires: AnnotationLayers { get }
    var assigns: AnnotationLayers { get }
    func process(_ document: inout Document) throws
}

/// A component list was put together in an order that cannot work.
public struct PipelineConfigurationError: Error, CustomStringConvertible, Sendable {
    public var component: String
    public var missing: AnnotationLayers
    public var description: String {
        "pipeline component '\(component)' requires layers (\(missing.rawValue)) that no earlier component assigns"
    }
}
