import ArgumentParser
import CronistaCore
import CronistaNLP
import Foundation

extension KB {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add or update one entity in your own knowledge-base file (use it with --kb-extra).",
            discussion: """
                Either --json with one line in the format of entities.jsonl, or the fields: --type, --name (repeatable, \
                LANG=NAME or NAME for Italian), --alias, --role (repeatable: 'it=assessore allo sport;en=sports councillor;\
                country=Q38;from=2021-10;to=2026'), --subtype (places: city, region…; organisations: sports_club, media…) \
                and --country (places: ISO code). An entity with the same id is replaced. Then: \
                cronista analyze --kb-extra FILE ….
                """
        )
        @Option(name: .shortAndLong, help: "Your knowledge-base file (created if missing).") var file: String
        @Option(help: "The entity as one JSON line in the KB format.") var json: String?
        @Option(help: "The entity's id (default: kb:user/ and the first name as a slug).") var id: String?
        @Option(help: "PER, ORG or LOC.") var type: String?
        @Option(help: "A name, as LANG=NAME (NAME alone is Italian).") var name: [String] = []
        @Option(help: "Another name or spelling.") var alias: [String] = []
        @Option(help: "A role held: LANG=LABEL;…;country=QID;from=DATE;to=DATE.") var role: [String] = []
        @Option(help: "Places: subtype (city, region, country…); organisations: kind (sports_club, media…).") var subtype: String?
        @Option(help: "Places: the ISO 3166 alpha-2 code of their country.") var country: String?

        func validate() throws {
            if json != nil {
                if type != nil || !name.isEmpty || !alias.isEmpty || !role.isEmpty || subtype != nil || country != nil || id != nil {
                    throw ValidationError("--json takes the whole entity: give no other field")
                }
                return
            }
            guard let type, EntityType(label: type.uppercased()) != nil else {
                throw ValidationError("--type must be PER, ORG or LOC, got '\(type ?? "nothing")'")
            }
            if name.isEmpty { throw ValidationError("give at least one --name") }
            for r in role { _ = try Self.parseRole(r) }
        }

        static func split(_ s: String) -> (String, String)? {
            guard let eq = s.firstIndex(of: "=") else { return nil }
            return (
                String(s[..<eq]).trimmingCharacters(in: .whitespaces), String(s[s.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
            )
        }

        static func parseRole(_ s: String) throws -> KBOverlay.Entry.Role {
            var r = KBOverlay.Entry.Role(labels: [])
            for part in s.split(separator: ";") {
                guard let (k, v) = split(String(part)), !v.isEmpty else {
                    throw ValidationError("--role: expected KEY=VALUE parts separated by ';', got '\(part)'")
                }
                switch k {
                case "country": r.country = v
                case "from", "to":
                    guard KBDate(v) != nil else { throw ValidationError("--role: \(k) must be YYYY, YYYY-MM or YYYY-MM-DD, got '\(v)'") }
                    if k == "from" { r.from = v } else { r.to = v }
                default:
                    guard k.count == 2 || k.count == 3, k.allSatisfy({ $0.isASCII && $0.isLowercase }) else {
                        throw ValidationError("--role: unknown key '\(k)' (a language code, country, from or to)")
                    }
                    r.labels.append((k, v))
                }
            }
            if r.labels.isEmpty { throw ValidationError("--role: give the role's label in at least one language (it=…)") }
            return r
        }

        func run() async throws {
            let line: String
            if let json {
                line = json
            } else {
                let names = name.map { n -> (language: String, name: String) in
                    if let (l, v) = Self.split(n), l.count == 2 || l.count == 3, l.allSatisfy({ $0.isASCII && $0.isLowercase }) {
                        return (l, v)
                    }
                    return (KBEntity.primaryLanguage, n)
                }
                let entry = KBOverlay.Entry(
                    id: id ?? KBOverlay.Entry.localID(for: names[0].name), type: EntityType(label: type!.uppercased())!, names: names,
                    aliases: alias, roles: try role.map(Self.parseRole), subtype: subtype, country: country)
                line = entry.line
            }
            let replaced = try KBOverlay(path: file).upsert(line: line)
            let id = try KnowledgeBase.parseEntities(line).first?.id ?? "?"
            print("\(replaced ? "updated" : "added") \(id) in \(file)")
        }
    }
}
