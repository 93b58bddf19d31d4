public import CronistaCore

/// Groups name mentions into entities by identical surface form and type: the baseline that
/// entity clustering and linking refine. Keeps `entities` consistent with `mentions`.
public struct SurfaceClusteringComponent: PipelineComponent {
    public let name = "surface-clustering"
    public let requires: AnnotationLayers = [.mentions]
    public let assigns: AnnotationLayers = [.entities]

    public init() {}

    public func process(_ document: inout Document) throws {
        var byKey: [String: Int] = [:]
        var entities: [Entity] = []
        for (i, m) in document.mentions.enumerated() {
            let surface = String(document.text(in: m.range))
            let key = m.type.label + "\u{1}" + surface
            if let e = byKey[key] {
                entities[e].mentions.append(i)
            } else {
                byKey[key] = entities.count
                entities.append(Entity(type: m.type, name: surface, kb: nil, mentions: [i]))
            }
        }
        document.entities = entities
    }
}
