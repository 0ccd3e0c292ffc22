/// A place in an example file: 1-based line and column (in characters).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
  /// The line, counting from 1.
  public var line: Int
  /// The column in characters, counting from 1.
  public var column: Int

  /// The place at `line` and `column`, both 1-based.
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// `line:column`.
  public var description: String { "\(line):\(column)" }
}
