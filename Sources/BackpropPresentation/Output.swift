/// Lines of output collected in a buffer, to be written at once: printing many short
/// lines one by one is slow.
public struct Output: Sendable {
  /// Everything so far, each line ending in a line break.
  public private(set) var text = ""

  /// An empty buffer.
  public init() {}

  /// Appends `line` and a line break.
  public mutating func line(_ line: String = "") {
    text += line
    text += "\n"
  }
}
