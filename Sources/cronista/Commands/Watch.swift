import ArgumentParser
import CronistaStorage
import Foundation

#if Server
    import CronistaFetch
#endif

/// `cronista watch`: `update` on each source's own schedule (its TTL, Cache-Control or Expires, or
/// `--interval`, clamped between 5 minutes and 24 hours; failures back off), until SIGINT or SIGTERM.
/// With PostgreSQL, several watchers share the sources: each claims the due ones with
/// `FOR UPDATE SKIP LOCKED`, so no source is polled by two at once.
struct Watch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Keep polling the followed sources on their schedule, until SIGINT or SIGTERM.",
        discussion: """
            A source is checked again when it asks (RSS <ttl>, Cache-Control max-age, Expires) or after --interval, \
            never sooner than 5 minutes nor later than 24 hours; a failing one waits twice as long after each failure \
            (or its Retry-After). On SIGINT or SIGTERM the source being polled is finished and stored, then the store is closed.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var polling: PollingOptions

    @Option(help: "How often to check a source that does not say (e.g. 90s, 15m, 2h), clamped to 5m…24h.")
    var interval: String = "15m"

    @Option(help: "Sources claimed at a time (each claim is held until the source has been polled).")
    var claim: Int = 20

    @Option(help: .hidden) var rounds: Int?

    /// For tests: the clock jumps over waits instead of sleeping.
    @Flag(help: .hidden) var simulatedClock = false

    /// Seconds in `90s`, `15m`, `2h`, `1d` or a bare number of seconds.
    static func seconds(_ s: String) -> TimeInterval? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        if let u = s.last, let f = units[u], let v = Double(s.dropLast()), v > 0 { return v * f }
        if let v = Double(s), v > 0 { return v }
        return nil
    }

    func validate() throws {
        if Self.seconds(interval) == nil { throw ValidationError("--interval '\(interval)': give a duration such as 90s, 15m or 2h") }
        if claim < 1 { throw ValidationError("--claim must be at least 1") }
    }

    func run() async throws {
        #if Server
            let stop = StopSignal()
            let clock = WatchClock(simulated: simulatedClock)
            let schedule = PollSchedule(defaultInterval: Self.seconds(interval) ?? 900)
            try await SourcePoller.run(store, options: polling, schedule: schedule, now: { clock.now() }) { poller, sources in
                printError("cronista: watching \(try await sources.sources().count) sources; SIGINT or SIGTERM stops")
                var round = 0
                while !stop.requested {
                    let now = clock.now()
                    let due = try await sources.claimDueSources(now: now, limit: claim, claimUntil: now.addingTimeInterval(15 * 60))
                    if !due.isEmpty {
                        let summary = await poller.pollAll(due, stop: { stop.requested })
                        printError("cronista: \(ISO8601DateFormatter().string(from: now)): \(summary)")
                        round += 1
                        if let rounds, round >= rounds { break }
                        continue
                    }
                    // Nothing due: wait for the earliest next check, a minute at most (sources
                    // added meanwhile, or released by another watcher, are seen then).
                    let next = try await sources.sources().compactMap(\.nextPoll).min() ?? now.addingTimeInterval(60)
                    await clock.sleep(min(60, max(1, next.timeIntervalSince(now))), stop: stop)
                }
            }
            printError("cronista: watch stopped")
        #else
            throw ValidationError("fetching sources needs a build with the Server trait (scripts/install builds it)")
        #endif
    }
}

/// SIGINT and SIGTERM turn `requested` on (the default actions are replaced, so the loop can
/// finish the source in hand and close the store).
final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    private var handlers: [any DispatchSourceSignal] = []

    init() {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [weak self] in self?.request() }
            source.resume()
            handlers.append(source)
        }
    }

    func request() { lock.withLock { flag = true } }
    var requested: Bool { lock.withLock { flag } }
}

/// The watch loop's clock: the system's, or (for tests) one that jumps over each wait at once.
final class WatchClock: @unchecked Sendable {
    private let lock = NSLock()
    private var offset: TimeInterval = 0
    let simulated: Bool

    init(simulated: Bool) { self.simulated = simulated }

    func now() -> Date { Date().addingTimeInterval(lock.withLock { offset }) }

    /// Waits `seconds` (in slices, so a stop request is seen within a fifth of a second).
    func sleep(_ seconds: TimeInterval, stop: StopSignal) async {
        if simulated {
            lock.withLock { offset += seconds }
            return
        }
        let end = Date().addingTimeInterval(seconds)
        while !stop.requested, Date() < end {
            try? await Task.sleep(nanoseconds: UInt64(min(0.2, max(0, end.timeIntervalSinceNow)) * 1e9))
        }
    }
}
