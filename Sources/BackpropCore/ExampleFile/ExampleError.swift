/// What is wrong with an example, and where.
///
/// Every problem with an example file, from a stray character to a cycle or a
/// division by zero, is one of these: one line naming the place and the problem.
public struct ExampleError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The example's name in messages: the built-in name or the file's path.
  public var file: String
  /// Where in the file the problem is.
  public var location: SourceLocation
  /// The problem, in one line of words.
  public var message: String

  /// The error `message` at `location` in `file`.
  public init(file: String, location: SourceLocation, message: String) {
    self.file = file
    self.location = location
    self.message = message
  }

  /// `file:line:column: message`, the form compilers use.
  public var description: String { "\(file):\(location): \(message)" }
}
