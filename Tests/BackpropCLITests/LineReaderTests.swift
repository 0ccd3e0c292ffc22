import Foundation
import Testing

@testable import BackpropCLI

/// The quiz's answers: a line at most 4096 bytes kept, whatever arrives on stdin.
@Suite struct LineReaderTests {
  /// Every line `bytes` reads as, up to and including the first that is not text.
  func lines(_ bytes: [UInt8]) throws -> [LineReader.Line] {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("line-reader-\(UUID().uuidString)")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let descriptor = open(url.path, O_RDONLY)
    #expect(descriptor >= 0)
    defer { close(descriptor) }
    var reader = LineReader(descriptor: descriptor)
    var result: [LineReader.Line] = []
    while true {
      let line = reader.next()
      result.append(line)
      if case .text = line { continue }
      if case .tooLong = line { continue }
      return result
    }
  }

  func lines(_ text: String) throws -> [LineReader.Line] { try lines(Array(text.utf8)) }

  @Test func linesWithTheirBreaksRemoved() throws {
    #expect(try lines("4\n-18\r\n\nq") == [.text("4"), .text("-18"), .text(""), .text("q"), .end])
    #expect(try lines("") == [.end])
    #expect(try lines("0.5\n") == [.text("0.5"), .end])
  }

  @Test func aLineOfExactlyTheLimitIsKept() throws {
    let limit = String(repeating: "7", count: LineReader.maximumLine)
    #expect(try lines(limit + "\n") == [.text(limit), .end])
  }

  @Test func aLongerLineIsRefusedWithItsStartAndTheRestDropped() throws {
    // One byte over the limit, then a 1 MB line (below the endless mark), then an answer.
    let over = String(repeating: "1", count: LineReader.maximumLine + 1)
    let megabyte = String(repeating: "2", count: 1_000_000)
    let start1 = String(repeating: "1", count: 60)
    let start2 = String(repeating: "2", count: 60)
    #expect(try lines(over + "\n" + megabyte + "\n4\n") == [.tooLong(start: start1), .tooLong(start: start2), .text("4"), .end])
  }

  @Test func aNulByteIsNotText() throws {
    #expect(try lines([0x34, 0x0A, 0x00, 0x35, 0x0A]) == [.text("4"), .notText])
    #expect(try lines([UInt8](repeating: 0, count: 1 << 20)) == [.notText])
  }

  @Test func aLineWithNoEndStopsTheReading() throws {
    let endless = [UInt8](repeating: 0x39, count: LineReader.maximumUnended + 10)
    #expect(try lines(endless) == [.unended])
  }

  @Test func invalidUTF8IsReplacedNotTrapped() throws {
    #expect(try lines([0xFF, 0x34, 0x0A]) == [.text("\u{FFFD}4"), .end])
  }
}
