import NIOCore
import XMLRPC

/// The wire format of an API request.
enum RPCTransport {
    case xmlrpc
    case jsonrpc
}

/// What to send back for an API request.
enum RPCReply {
    /// An HTTP 200 with this body.
    case body([UInt8], contentType: String)
    /// Close the connection without answering (fault injection).
    case drop
    /// An HTTP 500 page (the request could not be read).
    case badRequest(String)
}

extension SimulatorServer {
    /// Decodes, runs and encodes one API request received on host `hostIndex`, applying faults.
    func handleRPC(_ body: [UInt8], transport: RPCTransport, hostIndex: Int, on loop: any EventLoop) -> EventLoopFuture<RPCReply> {
        let method: String
        let params: [XMLRPCValue]
        var json: JSONRPCRequest?
        do {
            switch transport {
            case .xmlrpc:
                (method, params) = try XMLRPCDecoder.methodCall(body)
            case .jsonrpc:
                let request = try JSONRPCCodec.decodeRequest(body)
                (method, params, json) = (request.method, request.params, request)
            }
        } catch {
            return loop.makeSucceededFuture(.badRequest("\(error)"))
        }
        let decision = state.withLock { $0.faults.nextRequest(method: method) }
        if decision == .dropAfterCall {
            _ = mutate { $0.call(method, params, hostIndex: hostIndex) }
            return loop.makeSucceededFuture(.drop)
        }
        guard case .answer(let delay, let truncate) = decision else { return loop.makeSucceededFuture(.drop) }
        let outcome: EventLoopFuture<APIResult>
        switch mutate({ $0.call(method, params, hostIndex: hostIndex) }) {
        case .waitForEvents(let query):
            outcome = waitForEvents(query, on: loop).map { .success($0) }
        case let result:
            outcome = loop.makeSucceededFuture(result)
        }
        let jsonRequest = json
        let hostileNames = configuration.hostileNames
        let reply = outcome.map { result -> RPCReply in
            var bytes: [UInt8]
            switch result {
            case .success(let value):
                bytes = jsonRequest.map { JSONRPCCodec.successResponse(value, id: $0.id, version: $0.version) } ?? XMLRPCEncoder.success(value)
            case .failure(let description):
                bytes = jsonRequest.map { JSONRPCCodec.failureResponse(description, id: $0.id, version: $0.version) } ?? XMLRPCEncoder.failure(description)
            case .waitForEvents:
                bytes = XMLRPCEncoder.failure(["INTERNAL_ERROR", "event.from did not complete"])
            }
            let contentType = jsonRequest == nil ? "text/xml" : "application/json"
            if hostileNames {
                bytes = jsonRequest == nil ? HostileNames.referencingControls(bytes) : HostileNames.escapingControls(bytes)
            }
            if truncate { bytes = Array(bytes.prefix(bytes.count / 2)) }
            return .body(bytes, contentType: contentType)
        }
        guard delay > 0 else { return reply }
        return reply.flatMap { value in
            loop.scheduleTask(in: .milliseconds(Int64(delay))) { value }.futureResult
        }
    }

    /// Waits until `query` has events or its deadline passes, then returns the event.from reply.
    func waitForEvents(_ query: EventQuery, on loop: any EventLoop) -> EventLoopFuture<XMLRPCValue> {
        let promise = loop.makePromise(of: XMLRPCValue.self)
        attemptEvents(query, on: loop, promise: promise)
        return promise.futureResult
    }

    private func attemptEvents(_ query: EventQuery, on loop: any EventLoop, promise: EventLoopPromise<XMLRPCValue>) {
        let wake = loop.makePromise(of: Void.self)
        let (result, waiterID) = mutate { state -> (XMLRPCValue?, Int) in
            if let result = state.eventResult(query, force: NIODeadline.now() >= query.deadline) { return (result, 0) }
            state.nextWaiterID += 1
            state.eventWaiters[state.nextWaiterID] = wake
            return (nil, state.nextWaiterID)
        }
        if let result {
            wake.succeed(())
            promise.succeed(result)
            return
        }
        let timeout = loop.scheduleTask(deadline: query.deadline) { [self] in
            let waiter = state.withLock { $0.eventWaiters.removeValue(forKey: waiterID) }
            waiter?.succeed(())
        }
        wake.futureResult.whenComplete { [self] outcome in
            timeout.cancel()
            switch outcome {
            case .success: attemptEvents(query, on: loop, promise: promise)
            case .failure(let error): promise.fail(error)
            }
        }
    }
}
