import HTTPTypes
import Synchronization

/// Runs `operation` and answers with its result, or with `APIError.timeout` after `timeout`,
/// whichever comes first. On a timeout the operation is cancelled and left to finish in the
/// background (an analysis on the thread pool cannot be stopped halfway); its result is dropped.
func withDeadline<T: Sendable>(_ timeout: Duration, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    let race = DeadlineRace<T>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            race.start(continuation)
            let work = Task {
                let result: Result<T, any Error>
                do { result = .success(try await operation()) } catch { result = .failure(error) }
                race.finish(result)
            }
            let timer = Task {
                try? await Task.sleep(for: timeout)
                if Task.isCancelled { return }
                let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
                if race.finish(.failure(APIError(.serviceUnavailable, .timeout, "no answer within \(seconds) s; try a smaller request"))) {
                    work.cancel()
                }
            }
            race.attach(work: work, timer: timer)
        }
    } onCancel: {
        race.finish(.failure(CancellationError()))
    }
}

/// The one-shot state of a deadline race: whoever finishes first resumes the continuation and
/// cancels the other side.
final class DeadlineRace<T: Sendable>: Sendable {
    struct State {
        var continuation: CheckedContinuation<T, any Error>?
        var pending: Result<T, any Error>?
        var done = false
        var work: Task<Void, Never>?
        var timer: Task<Void, Never>?
    }
    let state = Mutex(State())

    func start(_ c: CheckedContinuation<T, any Error>) {
        let early: Result<T, any Error>? = state.withLock { s in
            if let p = s.pending { return p }
            s.continuation = c
            return nil
        }
        if let early { c.resume(with: early) }
    }

    func attach(work: Task<Void, Never>, timer: Task<Void, Never>) {
        let finished = state.withLock { s in
            s.work = work
            s.timer = timer
            return s.done
        }
        if finished { timer.cancel() }
    }

    /// Resumes the waiting request with `result` if nothing did before; true if this call won.
    @discardableResult
    func finish(_ result: Result<T, any Error>) -> Bool {
        let (won, continuation, timer) = state.withLock { s -> (Bool, CheckedContinuation<T, any Error>?, Task<Void, Never>?) in
            if s.done { return (false, nil, nil) }
            s.done = true
            let c = s.continuation
            s.continuation = nil
            if c == nil { s.pending = result }
            return (true, c, s.timer)
        }
        guard won else { return false }
        timer?.cancel()
        continuation?.resume(with: result)
        return true
    }
}
