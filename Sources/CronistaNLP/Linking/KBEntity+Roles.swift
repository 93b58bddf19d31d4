import Foundation

extension KBDate {
    /// Today's date (UTC), for a role shown without a document date.
    public static var today: KBDate {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: Date())
        return KBDate(value: Int32((c.year ?? 2000) * 10_000 + (c.month ?? 1) * 100 + (c.day ?? 1)))
    }
}

extension KBEntity {
    /// The role to show for this entity: the one held on `date` (the document's date), else the
    /// one held `today`, else the latest (the one that ended last, then the one that began last).
    /// `nil` when the entity has no role.
    ///
    /// Without a date, `Sergio Mattarella` shows *presidente dell'Italia* (since 2015, open-ended),
    /// not his first role, *ministro della Difesa* (1999–2001).
    public func shownRole(on date: KBDate?, today: KBDate = .today) -> Int? {
        if let date, let r = latest(roles.indices.filter { roles[$0].isActive(on: date) }) { return r }
        if let r = latest(roles.indices.filter { roles[$0].isActive(on: today) }) { return r }
        return latest(Array(roles.indices))
    }

    /// Of these roles, the one that ends last, then begins last, then comes last in the file.
    private func latest(_ indices: [Int]) -> Int? {
        indices.max { a, b in (roles[a].to, roles[a].from, a) < (roles[b].to, roles[b].from, b) }
    }
}
