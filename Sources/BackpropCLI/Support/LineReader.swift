import Foundation

/// Lines of text from a file descriptor (the quiz's answers on stdin), with bounded
/// memory whatever arrives: a line keeps at most ``maximumLine`` bytes, the rest of a
/// longer line is read and dropped, and input that is not typed lines stops the reading.
///
/// `readLine()` keeps a whole line however long it is: `quiz < /dev/zero` grew to 2 GB.
struct LineReader {
  /// What the next read found.
  enum Line: Equatable {
    /// A line, without its line break (`\n` or `\r\n`).
    case text(String)
    /// A line longer than ``maximumLine`` bytes: its first ``Failure/quotedLength``
    /// characters; the rest was dropped unread into memory.
    case tooLong(start: String)
    /// The end of the input.
    case end
    /// A NUL byte: binary data, not typed answers (`quiz < /dev/zero`).
    case notText
    /// A line that went on for ``maximumUnended`` bytes without a line break.
    case unended
  }

  /// The longest line kept, in bytes: an answer is a number or a word.
  static let maximumLine = 4096
  /// How far a line may go without a line break before the input counts as endless.
  static let maximumUnended = 1 << 20

  private let descriptor: Int32
  private var buffer = [UInt8](repeating: 0, count: 1 << 16)
  private var position = 0
  private var count = 0
  private var finished = false

  /// Reads from `descriptor` (stdin unless told otherwise); it is not closed.
  init(descriptor: Int32 = STDIN_FILENO) {
    self.descriptor = descriptor
  }

  /// The next line, or why there is none.
  ///
  /// - Complexity: O(n) in the bytes read; memory O(``maximumLine``).
  mutating func next() -> Line {
    var line: [UInt8] = []
    var length = 0
    while true {
      if position == count {
        if finished || !fill() { return length == 0 ? .end : finish(line, length: length) }
      }
      while position < count {
        let byte = buffer[position]
        position += 1
        switch byte {
        case 0x0A: return finish(line, length: length)
        case 0x00: return .notText
        default:
          length += 1
          if length <= Self.maximumLine { line.append(byte) } else if length >= Self.maximumUnended { return .unended }
        }
      }
    }
  }

  /// Reads the next chunk; false at the end of the input or on an error.
  private mutating func fill() -> Bool {
    while true {
      let received = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if received < 0, errno == EINTR { continue }
      guard received > 0 else {
        finished = true
        return false
      }
      position = 0
      count = received
      return true
    }
  }

  private func finish(_ line: [UInt8], length: Int) -> Line {
    let bytes = line.last == 0x0D ? line.dropLast() : line[...]
    let text = String(decoding: bytes, as: UTF8.self)
    guard length <= Self.maximumLine else { return .tooLong(start: String(text.prefix(Failure.quotedLength))) }
    return .text(text)
  }
}
