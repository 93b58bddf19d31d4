@testable import CronistaNLP
import Foundation
import Testing

/// The tagger's weight layout: empty buckets read a zero slot, two stages share their buckets' cache
/// lines, and the tables hold exactly what the model file holds.
@Suite("NER weight table")
struct NERWeightTableTests {
    @Test("Empty buckets read the zero slot; filled ones their own row; values and equality by element")
    func emptyBuckets() {
        var values = [Int16](repeating: 0, count: 200 * NERModel.stride)
        values[3 * NERModel.stride + 2] = -7
        values[130 * NERModel.stride + 6] = 12
        let table = NERWeightTable(values)
        let s = table.storage
        #expect(NERWeightTable.slotOffset(s, 3) == 3 * 16)
        #expect(NERWeightTable.slotOffset(s, 130) == 130 * 16)
        #expect(NERWeightTable.slotOffset(s, 4) == s.zeroSlot && NERWeightTable.slotOffset(s, 199) == s.zeroSlot)
        #expect(s.base.load(fromByteOffset: s.zeroSlot, as: SIMD8<Int16>.self) == SIMD8<Int16>())
        #expect(table[3 * NERModel.stride + 2] == -7 && table[130 * NERModel.stride + 6] == 12 && table[5] == 0)
        #expect(table.values == values)
        var other = values
        other[130 * NERModel.stride + 6] = 13
        #expect(table == NERWeightTable(values) && table != NERWeightTable(other))
    }

    @Test("A pair keeps each stage's rows apart by value, side by side in memory")
    func pair() {
        let (a, b) = NERWeightTable.paired(
            count: 64 * NERModel.stride,
            first: { set in
                set(5, 0, 100); set(9, 6, -3)
            }, second: { set in set(9, 1, 42) })
        #expect(a.isPaired(with: b) && !a.isPaired(with: NERWeightTable([Int16](repeating: 0, count: 64 * NERModel.stride))))
        #expect(a[5 * NERModel.stride] == 100 && a[9 * NERModel.stride + 6] == -3 && a[9 * NERModel.stride + 1] == 0)
        #expect(b[9 * NERModel.stride + 1] == 42 && b[5 * NERModel.stride] == 0)
        // Bucket 9's two rows are one 32-byte slot; bucket 5 is filled in the first table only.
        let s = a.storage
        #expect(NERWeightTable.slotOffset(s, 9) == 9 * 32 && NERWeightTable.slotOffset(s, 5) == 5 * 32)
        #expect(s.base.load(fromByteOffset: 9 * 32 + 16 + 2, as: Int16.self) == 42)
        #expect(NERWeightTable.slotOffset(s, 6) == s.zeroSlot)
    }

    @Test("The bundled models load into paired tables, and what they write reads back the same")
    func bundledRoundTrip() throws {
        for code in ["it", "en"] {
            let path = ResourceFiles.Path.language(code, ResourceFiles.Path.nerModel)
            let model = try NERModel(bytes: NLPResources.data(path), name: path)
            let st2 = try #require(model.stage2)
            #expect(model.weights.isPaired(with: st2.weights), "\(code)")
            let again = try NERModel(bytes: Data(model.serialized()), name: path)
            let same = again.weights == model.weights && again.stage2?.weights == st2.weights
            #expect(same, "\(code)")
        }
    }
}
