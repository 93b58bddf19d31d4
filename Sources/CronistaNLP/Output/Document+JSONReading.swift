public import CronistaCore

/// Why an analysis (a line of the output contract) could not be read back.
public struct AnalysisReadError: Error, CustomStringConvertible, Sendable {
    /// Where in the analysis: `quotes[2].speaker`, `entities[0].mentions[1]`, …
    public var path: String
    public var problem: String
    public var description: String { "\(path): \(problem)" }
}

extension Document {
    /// Reads back one line of the output contract (what ``analysisJSON()`` writes, and what the
    /// store keeps) over its original `text`: sentences, mentions, entities and quotes, with the
    /// code point offsets turned back into UTF-8 ranges. Tokens and clauses are not in the
    /// contract and stay empty; sentences carry empty token ranges. A quote without `about` (a line
    /// written before the field existed) gets it derived from the mentions in its content.
    ///
    /// - Throws: ``AnalysisReadError`` naming the element whose offsets leave the text, or a field
    ///   of the wrong type; `JSONParseError` when the bytes are not JSON.
    public init(analysisJSON json: some Collection<UInt8>, text: String) throws {
        let root = try JSONValue.parse(json)
        guard case .object = root else { throw AnalysisReadError(path: "$", problem: "not a JSON object") }
        let index = OffsetIndex(text)
        func string(_ v: JSONValue?, _ path: String) throws -> String {
            guard let s = v?.stringValue else { throw AnalysisReadError(path: path, problem: "expected a string") }
            return s
        }
        func range(_ v: JSONValue?, _ path: String) throws -> TextRange {
            guard let v, let s = v["start"]?.numberLiteral.flatMap({ Int($0) }), let e = v["end"]?.numberLiteral.flatMap({ Int($0) }) else {
                throw AnalysisReadError(path: path, problem: "expected integer start and end")
            }
            guard 0 <= s, s <= e, e <= index.scalarCount else {
                throw AnalysisReadError(path: path, problem: "[\(s),\(e)) outside a text of \(index.scalarCount) code points")
            }
            return TextRange(startUTF8: index.utf8Offset(scalar: s), endUTF8: index.utf8Offset(scalar: e))
        }
        func array(_ key: String) throws -> [JSONValue] {
            guard let v = root[key] else { return [] }
            guard case .array(let a) = v else { throw AnalysisReadError(path: key, problem: "expected an array") }
            return a
        }
        func optional(_ key: String) -> String? { root[key]?.stringValue }

        self.init(
            id: try string(root["id"], "id"), text: text,
            metadata: DocumentMetadata(
                title: optional("title"), published: optional("published"), source: optional("source"), url: optional("url")))
        language = optional("language") ?? "und"
        for (i, s) in try array("sentences").enumerated() {
            sentences.append(Sentence(tokens: 0..<0, range: try range(s, "sentences[\(i)]")))
        }
        var entityIndex: [String: Int] = [:]
        for (i, e) in try array("entities").enumerated() {
            let path = "entities[\(i)]"
            guard let type = EntityType(label: try string(e["type"], path + ".type")) else {
                throw AnalysisReadError(path: path + ".type", problem: "not PER, ORG or LOC")
            }
            var indices: [Int] = []
            if case .array(let ms)? = e["mentions"] {
                for (k, m) in ms.enumerated() {
                    let mpath = "\(path).mentions[\(k)]"
                    let form: MentionForm =
                        switch m["form"]?.stringValue {
                        case "nominal": .nominal
                        case "pronoun": .pronoun
                        default: .name
                        }
                    let mtype = m["type"]?.stringValue.flatMap { EntityType(label: $0) } ?? type
                    indices.append(mentions.count)
                    mentions.append(Mention(range: try range(m, mpath), type: mtype, form: form))
                }
            }
            if let id = e["id"]?.stringValue { entityIndex[id] = entities.count }
            entities.append(Entity(type: type, name: try string(e["name"], path + ".name"), kb: e["kb"]?.stringValue, mentions: indices))
        }
        var needsAbout = false
        for (i, q) in try array("quotes").enumerated() {
            let path = "quotes[\(i)]"
            let kind: Quote.Kind =
                switch q["kind"]?.stringValue {
                case "indirect": .indirect
                case "mixed": .mixed
                default: .direct
                }
            var quote = Quote(kind: kind, content: try range(q, path))
            if let c = q["cue"], c != .null { quote.cue = try range(c, path + ".cue") }
            if let s = q["speaker"], s != .null {
                let entity = s["entity"]?.stringValue.flatMap { entityIndex[$0] }
                quote.speaker = Quote.Speaker(entity: entity, range: try range(s, path + ".speaker"))
            }
            if let a = q["about"] {
                guard case .array(let ids) = a else { throw AnalysisReadError(path: path + ".about", problem: "expected an array") }
                for (k, id) in ids.enumerated() {
                    guard let e = id.stringValue.flatMap({ entityIndex[$0] }) else {
                        throw AnalysisReadError(path: "\(path).about[\(k)]", problem: "not the id of an entity of the document")
                    }
                    quote.about.append(e)
                }
            } else {
                needsAbout = true
            }
            if let d = q["date"], d != .null { quote.date = try string(d, path + ".date") }
            quotes.append(quote)
        }
        if let t = root["times"] {
            guard case .array(let ts) = t else { throw AnalysisReadError(path: "times", problem: "expected an array") }
            layers.insert(.times)
            for (i, t) in ts.enumerated() {
                let path = "times[\(i)]"
                guard let kind = TimeExpression.Kind(label: try string(t["type"], path + ".type")) else {
                    throw AnalysisReadError(path: path + ".type", problem: "not DATE, TIME, DURATION or SET")
                }
                times.append(TimeExpression(range: try range(t, path), kind: kind, value: try string(t["value"], path + ".value")))
            }
        }
        var quoteIndex: [String: Int] = [:]
        for (i, q) in try array("quotes").enumerated() { if let id = q["id"]?.stringValue { quoteIndex[id] = i } }
        for (i, e) in try array("events").enumerated() {
            let path = "events[\(i)]"
            func participant(_ p: JSONValue, _ ppath: String) throws -> Event.Participant {
                let entity: Int?
                if let id = p["entity"], id != .null {
                    guard let k = id.stringValue.flatMap({ entityIndex[$0] }) else {
                        throw AnalysisReadError(path: ppath + ".entity", problem: "not the id of an entity of the document")
                    }
                    entity = k
                } else {
                    entity = nil
                }
                return Event.Participant(
                    entity: entity, range: try range(p, ppath), country: p["country"]?.stringValue, sector: p["sector"]?.stringValue)
            }
            func participants(_ key: String) throws -> [Event.Participant] {
                guard let v = e[key], v != .null else { return [] }
                guard case .array(let ps) = v else { throw AnalysisReadError(path: "\(path).\(key)", problem: "expected an array") }
                return try ps.enumerated().map { try participant($1, "\(path).\(key)[\($0)]") }
            }
            var event = Event(
                type: try string(e["type"], path + ".type"), mode: e["mode"]?.stringValue,
                trigger: try range(e["trigger"], path + ".trigger"))
            if case .array(let cs)? = e["coref"] {
                event.coref = try cs.enumerated().map { try range($1, "\(path).coref[\($0)]") }
            }
            event.source = try participants("source")
            event.target = try participants("target")
            if let l = e["location"], l != .null { event.location = try participant(l, path + ".location") }
            event.date = e["date"]?.stringValue
            if let q = e["quote"], q != .null {
                guard let k = q["id"]?.stringValue.flatMap({ quoteIndex[$0] }) else {
                    throw AnalysisReadError(path: path + ".quote.id", problem: "not the id of a quote of the document")
                }
                event.quote = Event.QuoteLink(quote: k, role: q["role"]?.stringValue == "report" ? .report : .act)
            }
            if let c = e["claim"], c != .null { event.claim = try range(c, path + ".claim") }
            event.cameo = e["cameo"]?.stringValue
            event.quad = e["quad"]?.numberLiteral.flatMap { Int($0) }
            events.append(event)
        }
        // A line written before quotes had `about` gets it from its mentions, as the stores'
        // migrations derive it for the quotes they hold.
        if needsAbout { deriveQuoteAbout() }
    }
}
