import BackpropCore
import Foundation
import Testing

@testable import BackpropPresentation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Charts in the terminal: tidy lines of the requested width, the path marked, clipping.
@Suite struct ChartTerminalTests {

  /// The frame's lines: the top border, a line per plot row, the bottom border.
  static func frame(_ lines: [String], ascii: Bool = false) -> [[Character]] {
    guard let top = lines.firstIndex(where: { $0.contains(ascii ? "+-" : "┌") }) else { return [] }
    return lines[top...].prefix { $0.hasSuffix(ascii ? "|" : "│") || $0.hasSuffix(ascii ? "+" : "┐") || $0.hasSuffix("┘") }
      .map(Array.init)
  }

  @Test func terminalLinesHaveTheRequestedWidth() throws {
    let chart = ChartTests.losses(ChartTests.descent)
    for ascii in [false, true] {
      let lines = chart.terminal(width: 40, height: 10, ascii: ascii)
      let frame = Self.frame(lines, ascii: ascii)
      // Top border, 10 rows, bottom border; each 40 cells between the borders.
      #expect(frame.count == 12)
      let margin = try #require(frame.first?.firstIndex(of: ascii ? "+" : "┌"))
      for line in frame { #expect(line.count == margin + 1 + 40 + 1) }
      #expect(lines.contains { $0.contains("loss") })  // the title
      #expect(lines.contains { $0.contains("step") })
      #expect(lines.allSatisfy { !$0.hasSuffix(" ") && !$0.contains("\u{1B}") })
      if ascii {
        #expect(lines.allSatisfy { $0.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) } })
      }
    }
  }

  @Test func tinySizesAreRaisedToAMinimum() {
    for chart in ChartTests.awkwardLines {
      let frame = Self.frame(chart.terminal(width: 0, height: -3))
      #expect(frame.count == 3 + 2, "\(chart.title)")
      #expect(Set(frame.map(\.count)).count == 1)
    }
    for chart in ChartTests.awkwardSurfaces {
      let lines = chart.terminal(width: 1, height: 1, ascii: true)
      #expect(Self.frame(lines, ascii: true).count == 4 + 2, "\(chart.title)")
      #expect(lines.allSatisfy { $0.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) } })
    }
    #expect(ChartTests.awkwardLines[0].terminal().contains { $0.contains("no data") })
  }

  /// f(w1, w2) = w1² + w2² on a 21 × 21 grid over [−2, 2]²: 0 in the middle, 8 at the corners.
  static func bowl(path: [(x: Double, y: Double)]) -> ContourChart {
    let axis = (0...20).map { -2 + 0.2 * Double($0) }
    return ContourChart(
      title: "bowl", xLabel: "w1", yLabel: "w2", xRange: -2...2, yRange: -2...2,
      values: axis.map { w2 in axis.map { w1 in w1 * w1 + w2 * w2 } }, path: path)
  }

  @Test func theContourMarksTheStartAndEndOfThePath() throws {
    let chart = Self.bowl(path: [(-1.5, 1.5), (-0.75, 0.75), (0.5, -0.5)])
    for ascii in [false, true] {
      let lines = chart.terminal(width: 60, height: 20, ascii: ascii)
      let frame = Self.frame(lines, ascii: ascii)
      #expect(frame.count == 22)
      let left = try #require(frame.first?.firstIndex(of: ascii ? "+" : "┌")) + 1
      func cell(_ column: Int, _ row: Int) -> Character { frame[1 + row][left + column] }
      // (−1.5, 1.5) is 1/8 of the way across and 7/8 up: column ⌊0.125 · 60⌋ = 7, row ⌊0.125 · 20⌋ = 2.
      #expect(cell(7, 2) == "S")
      // (0.5, −0.5) is 5/8 across and 3/8 up: column ⌊0.625 · 60⌋ = 37, row ⌊0.625 · 20⌋ = 12.
      #expect(cell(37, 12) == "E")
      // (−0.75, 0.75): column ⌊0.3125 · 60⌋ = 18, row ⌊0.3125 · 20⌋ = 6.
      #expect(cell(18, 6) == (ascii ? "O" : "●"))
      // Low is light: next to the middle (about 0.03 of 8; the path crosses the middle) blank,
      // a corner (about 7.5 of 8) the darkest shade.
      #expect(cell(30, 9) == " ")
      #expect(cell(0, 0) == (ascii ? "@" : "█"))
      #expect(frame.allSatisfy { $0.count == left + 60 + 1 })
      let legend = try #require(lines.last)
      #expect(legend.contains("light = low (0), dark = high (8)"))
      #expect(legend.contains("S start") && legend.contains("E end"))
      if ascii {
        #expect(lines.allSatisfy { $0.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) } })
      }
    }
  }

  @Test func aPathLeavingTheMapIsClipped() throws {
    // From inside at (−1.5, 0) out to (10, 0): drawn to the right edge, no end mark.
    let lines = Self.bowl(path: [(-1.5, 0), (10, 0)]).terminal(width: 40, height: 10)
    let frame = Self.frame(lines)
    let left = try #require(frame.first?.firstIndex(of: "┌")) + 1
    // y = 0 is halfway up: row ⌊0.5 · 10⌋ = 5; x = −1.5 is column ⌊0.125 · 40⌋ = 5.
    let row = frame[1 + 5]
    #expect(row[left + 5] == "S")
    #expect(row[left + 39] == "·")
    #expect(!frame.joined().contains("E"))
  }

  @Test func missingValuesAreShownAndSaid() {
    let lines = ChartTests.surface([[1, .nan], [2, 3]]).terminal()
    #expect(lines.joined().contains("×"))
    #expect(lines.last?.contains("× no value") == true)
    #expect(ChartTests.surface([[2, 2], [2, 2]]).terminal().last == "every value is 2")
  }
}
