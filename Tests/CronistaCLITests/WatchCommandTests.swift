#if Server
    import CronistaStorage
    import CronistaStorageSQLite
    import CronistaTestSupport
    import Foundation
    import Hummingbird
    import HummingbirdTesting
    import Testing

    /// `cronista watch` against the loopback server of ``UpdateCommandTests``.
    @Suite struct WatchCommandTests {
        /// With the simulated clock, the feed (TTL 30 minutes) is polled at once and then every 30
        /// minutes: the second and third polls are 304s, and no article is fetched twice.
        @Test func watchPollsOnTheSourcesSchedule() async throws {
            let hits = UpdateCommandTests.Hits()
            let dir = try TemporaryDirectory()
            let db = dir.file("watch.sqlite").path
            try await UpdateCommandTests.app(hits).test(.live) { client in
                let base = "http://127.0.0.1:\(client.port!)"
                #expect(try await CLIRunner.run(["sources", "add", "\(base)/feed.xml", "--db", db]).status == 0)
                let r = try await CLIRunner.run([
                    "watch", "--simulated-clock", "--rounds", "3", "--pace", "0", "--interval", "2h", "--db", db
                ])
                #expect(r.status == 0, "\(r.stderr)")
                let rounds = r.stderr.split(separator: "\n").filter { $0.contains(" sources (") }
                #expect(rounds.count == 3, "\(r.stderr)")
                #expect(rounds.dropFirst().allSatisfy { $0.contains("1 unchanged") && $0.contains("0 articles fetched") }, "\(r.stderr)")
                // The rounds are the feed's TTL apart, not --interval's 2 hours.
                let times = rounds.compactMap { line in
                    ISO8601DateFormatter().date(from: String(line.dropFirst("cronista: ".count).prefix(20)))
                }
                #expect(times.count == 3)
                if times.count == 3 {
                    for (a, b) in zip(times, times.dropFirst()) {
                        #expect(abs(b.timeIntervalSince(a) - 1800) < 120, "\(rounds)")
                    }
                }
                #expect(await hits.count("/feed.xml") == 3)
                for a in UpdateCommandTests.articles { #expect(await hits.count(a.path) == 1) }
                let store = try SQLiteDocumentStore(path: db)
                #expect(try await store.statistics().documents == 2)
                try await store.close()
            }
        }

        /// SIGTERM while waiting: the watcher closes the store and exits 0 at once.
        @Test func sigtermStopsTheWatcherCleanly() async throws {
            let hits = UpdateCommandTests.Hits()
            let dir = try TemporaryDirectory()
            let db = dir.file("watch.sqlite").path
            try await UpdateCommandTests.app(hits).test(.live) { client in
                let base = "http://127.0.0.1:\(client.port!)"
                #expect(try await CLIRunner.run(["sources", "add", "\(base)/feed.xml", "--db", db]).status == 0)
                let p = Process()
                p.executableURL = CLIRunner.executable
                p.arguments = ["watch", "--pace", "0", "--db", db]
                let err = Pipe()
                p.standardError = err
                p.standardOutput = FileHandle.nullDevice
                let buffer = Buffer()
                err.fileHandleForReading.readabilityHandler = { h in buffer.append(h.availableData) }
                try p.run()
                // Wait for the first round (the model loads first).
                let deadline = Date().addingTimeInterval(60)
                while !buffer.text.contains(" sources ("), Date() < deadline { try await Task.sleep(nanoseconds: 100_000_000) }
                #expect(buffer.text.contains("2 stored"), "\(buffer.text)")
                let sent = Date()
                p.terminate()
                while p.isRunning, Date().timeIntervalSince(sent) < 10 { try await Task.sleep(nanoseconds: 50_000_000) }
                #expect(!p.isRunning, "still running 10 s after SIGTERM")
                p.waitUntilExit()
                err.fileHandleForReading.readabilityHandler = nil
                #expect(p.terminationStatus == 0 && p.terminationReason == .exit)
                #expect(buffer.text.contains("watch stopped"), "\(buffer.text)")
                let store = try SQLiteDocumentStore(path: db)
                #expect(try await store.statistics().documents == 2)
                try await store.close()
            }
        }

        final class Buffer: @unchecked Sendable {
            private let lock = NSLock()
            private var data = Data()
            func append(_ d: Data) { lock.withLock { data.append(d) } }
            var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
        }
    }
#endif
