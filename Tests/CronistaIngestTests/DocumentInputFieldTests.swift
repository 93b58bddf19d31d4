import CronistaCore
import CronistaIngest
import Testing

/// The optional fields of an input record: absent, null or of their type; any other type is an
/// error that names the field, the file and the line (issue 19: never silently dropped).
@Suite("Input fields")
struct DocumentInputFieldTests {
    func parse(_ json: String) throws -> DocumentInput {
        try DocumentInput.parse(jsonLine: Array(json.utf8), file: "in.jsonl", line: 7, defaultID: "in-7")
    }

    @Test("Strings, a numeric id and nulls are read; a missing id gets the line's")
    func accepted() throws {
        #expect(try parse(#"{"id": "a", "text": "x", "title": "T", "source": null}"#).id == "a")
        #expect(try parse(#"{"id": 42, "text": "x"}"#).id == "42")
        #expect(try parse(#"{"id": null, "text": "x"}"#).id == "in-7")
        #expect(try parse(#"{"text": "x", "title": "Il titolo"}"#).metadata.title == "Il titolo")
    }

    @Test(
        "A field of another type is refused, naming the field and the line",
        arguments: ["id"])
    func wrongType(_ key: String) {
        for value in ["{}", "[1]", "true"] {
            do {
                _ = try parse(#"{"text": "x", ""# + key + #"": "# + value + "}")
                Issue.record("\(key): \(value) was accepted")
            } catch let e as CronistaError {
                #expect(e.description.contains("\"\(key)\""), "\(e)")
                #expect(e.description.contains("in.jsonl") && e.description.contains("7"), "\(e)")
            } catch {
                Issue.record("\(error)")
            }
        }
    }
}
