/// What is wrong with an example, and where.
///
/// Every problem with an example file, from a stray character to a cycle or a
/// division by zero, is one of these: one line naming the place and the problem.
public struct ExampleError: Error, Hashable, Sendable, CustomStringConvertible {
  public var file: String
  public var location: SourceLocation
  public var message: String

  public init(file: String, location: SourceLocation, message: String) {
    self.file = file
    self.location = location
    self.message = message
  }

  /// `file:line:column: message`, the form compilers use.
  public var description: String { "\(file):\(location): \(message)" }
}
