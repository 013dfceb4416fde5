import Vapor

extension String {
    /// This rendered page as an HTML response.
    func htmlResponse(status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/html; charset=utf-8")
        return Response(status: status, headers: headers, body: .init(string: self))
    }
}
