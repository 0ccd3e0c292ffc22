import BackpropCore
import Foundation
import Testing

@testable import BackpropPresentation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Charts for slides: the right scale and well-formed SVG.
@Suite struct ChartTests {
  // MARK: Scales

  static func losses(_ values: [Double]) -> LineChart {
    LineChart(title: "loss", xLabel: "step", yLabel: "L", points: values.enumerated().map { (Double($0.offset), $0.element) })
  }

  @Test func aLossSpanningDecadesIsDrawnOnALogScale() {
    // 162 / 0.01 = 16200 ≥ 100.
    #expect(Self.losses([162, 107.76, 20, 0.5, 0.01]).usesLogarithmicY)
    // 162 / 2 = 81 < 100.
    #expect(!Self.losses([162, 107.76, 20, 2]).usesLogarithmicY)
    // A zero or a negative value has no logarithm, even when asked for.
    #expect(!Self.losses([162, 0, 0.01]).usesLogarithmicY)
    var asked = Self.losses([-1, 100, 0.01])
    asked.logarithmicY = true
    #expect(!asked.usesLogarithmicY)
    asked = Self.losses([1, 2])
    asked.logarithmicY = true
    #expect(asked.usesLogarithmicY)
    asked = Self.losses([162, 0.01])
    asked.logarithmicY = false
    #expect(!asked.usesLogarithmicY)
    #expect(!Self.losses([]).usesLogarithmicY)
  }

  static func surface(_ values: [[Double]], log: Bool? = nil) -> ContourChart {
    ContourChart(
      title: "surface", xLabel: "w1", yLabel: "w2", xRange: 0...1, yRange: 0...1, values: values, path: [],
      logarithmicLevels: log)
  }

  @Test func contourLevelsAreLogarithmicOverDecades() {
    #expect(Self.surface([[0.01, 1], [10, 100]]).usesLogarithmicLevels)
    #expect(!Self.surface([[0, 1], [10, 100]]).usesLogarithmicLevels)
    #expect(!Self.surface([[1, 2], [3, 4]]).usesLogarithmicLevels)
    #expect(!Self.surface([[-1, 2], [3, 400]], log: true).usesLogarithmicLevels)
    // Non-finite values do not count.
    #expect(Self.surface([[0.01, .nan], [-.infinity, 100]]).usesLogarithmicLevels)
  }

  @Test func contourLevelsAreNiceValuesInsideTheRange() {
    // 8 / 10 = 0.8, up to 1; strictly between 0 and 8.
    #expect(Self.surface([[0, 2], [4, 8]]).levels == [1, 2, 3, 4, 5, 6, 7])
    // Decades strictly inside 0.01...100 are only 0.1, 1, 10: too few, so 1, 2, 5 × 10ⁿ.
    let levels = Self.surface([[0.01, 1], [10, 100]]).levels
    let expected = [0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50]
    #expect(levels.count == expected.count)
    #expect(zip(levels, expected).allSatisfy { abs($0 - $1) <= 1e-12 * $1 })
    #expect(Self.surface([[3, 3], [3, 3]]).levels.isEmpty)
  }

  // MARK: SVG

  /// What XMLParser makes of a document: whether it parses, its texts and its elements.
  final class Parsed: NSObject, XMLParserDelegate {
    var parses = false
    var texts: [String] = []
    var elements: [(name: String, attributes: [String: String])] = []
    private var text = ""

    init(_ svg: String) {
      super.init()
      let parser = XMLParser(data: Data(svg.utf8))
      parser.delegate = self
      parses = parser.parse()
    }

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      elements.append((elementName, attributes))
      text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
      if elementName == "text" || elementName == "title" { texts.append(text) }
      text = ""
    }

    /// Every number in a coordinate attribute has at most two decimals: no floating-point noise.
    var numbersAreClean: Bool {
      let coordinates: Set = ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "points", "d", "viewBox"]
      for element in elements {
        for (name, value) in element.attributes where coordinates.contains(name) {
          let numbers = value.split { !"0123456789.-e".contains($0) }
          for number in numbers {
            if number.contains("e") || Double(number) == nil { return false }
            if let point = number.firstIndex(of: "."), number.distance(from: point, to: number.endIndex) > 3 { return false }
          }
        }
      }
      return true
    }
  }

  static let descent = [162, 107.76294432, 55.7296896, 17.7291044, 2.74223606, 0.197328866, 0.00888473]

  @Test func aLineChartIsAStandaloneSVGWithTitleAndTicks() throws {
    let chart = LineChart(
      title: "simple-chain: L during training", xLabel: "step", yLabel: "L",
      points: (0...40).map { (Double($0), 162 * pow(0.8, Double($0)) + 2) })
    #expect(!chart.usesLogarithmicY)  // 164 / 2.02 < 100
    let svg = chart.svg()
    #expect(svg.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"#))
    let parsed = Parsed(svg)
    #expect(parsed.parses)
    let root = try #require(parsed.elements.first)
    #expect(root.name == "svg")
    #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
    #expect(root.attributes["width"] == "800")
    #expect(root.attributes["height"] == "500")
    #expect(root.attributes["viewBox"] == "0 0 800 500")
    #expect(parsed.texts.contains("simple-chain: L during training"))
    #expect(parsed.texts.contains("step"))
    #expect(parsed.texts.contains("L"))
    // y from 2.02 to 164: 162 / 5 = 32.4, up to 50; x 0...40 in steps of 10.
    for label in ["0", "50", "100", "150", "200", "10", "20", "30", "40"] { #expect(parsed.texts.contains(label)) }
    #expect(parsed.elements.contains { $0.name == "polyline" })
    #expect(parsed.numbersAreClean)
  }

  @Test func aLogAxisIsLabelledInPowersOfTen() {
    let chart = LineChart(
      title: "descent", xLabel: "step", yLabel: "L", points: Self.descent.enumerated().map { (Double($0.offset), $0.element) })
    #expect(chart.usesLogarithmicY)
    let parsed = Parsed(chart.svg())
    #expect(parsed.parses)
    // 0.00888 ... 162: from 0.001 to 1000.
    for label in ["0.001", "0.01", "0.1", "1", "10", "100", "1000"] { #expect(parsed.texts.contains(label)) }
    #expect(parsed.texts.contains { $0.contains("log scale") })
    #expect(parsed.numbersAreClean)
  }

  @Test func textIsEscaped() {
    let title = "L < 1 & \"ŷ\" > 'y' \u{1}"
    let parsed = Parsed(LineChart(title: title, xLabel: "<x>", yLabel: "&", points: [(0, 1), (1, 2)]).svg())
    #expect(parsed.parses)
    // A control character is not allowed in XML: it becomes U+FFFD.
    #expect(parsed.texts.contains("L < 1 & \"ŷ\" > 'y' \u{FFFD}"))
    #expect(parsed.texts.contains("<x>"))
    #expect(parsed.texts.contains("&"))
  }

  @Test func aDenseLineKeepsItsShapeWithFewerPoints() {
    // 1000 points in pixel column 5 with y = 37i mod 101, from 0 (i = 0) to 100, then one in column 6.
    var pixels: [(x: Double, y: Double)] = []
    for i in 0..<1000 {
      let x: Double = 5 + Double(i) / 1000
      pixels.append((x, Double(i * 37 % 101)))
    }
    pixels.append((6.5, 50))
    let kept = LineChart.thinned(pixels).map { $0.y }
    // The first (also the lowest), the highest, the last of column 5 (37 · 999 mod 101 = 98); column 6's one.
    #expect(kept == [0, 100, 98, 50])
  }

  static let awkwardLines: [LineChart] = [
    LineChart(title: "empty", xLabel: "x", yLabel: "y", points: []),
    LineChart(title: "one point", xLabel: "x", yLabel: "y", points: [(3, 0.25)]),
    LineChart(title: "flat", xLabel: "x", yLabel: "y", points: [(0, 5), (1, 5), (2, 5)]),
    LineChart(title: "gaps", xLabel: "x", yLabel: "y", points: [(0, 1), (1, .nan), (2, .infinity), (.nan, 2), (4, 3)]),
    LineChart(title: "log asked", xLabel: "x", yLabel: "y", points: [(0, -1), (1, 0), (2, 100)], logarithmicY: true),
    LineChart(title: "huge", xLabel: "", yLabel: "", points: [(-1.7e308, -1.7e308), (0, 1e-300), (1.7e308, 1.7e308)]),
    LineChart(title: "decades", xLabel: "x", yLabel: "y", points: [(0, 1e-300), (1, 1e300)]),
    LineChart(title: "", xLabel: "", yLabel: "", points: [(1e6, 1), (1e6 + 1, 1 + 1e-9)]),
  ]

  static let awkwardSurfaces: [ContourChart] = [
    ContourChart(title: "empty", xLabel: "x", yLabel: "y", xRange: 0...1, yRange: 0...1, values: [], path: []),
    ContourChart(title: "flat", xLabel: "x", yLabel: "y", xRange: 0...1, yRange: 0...1, values: [[1, 1], [1, 1]], path: [(0.5, 0.5)]),
    ContourChart(
      title: "all NaN", xLabel: "x", yLabel: "y", xRange: 0...1, yRange: 0...1, values: [[.nan, .nan], [.nan, .infinity]],
      path: [(0.2, 0.2), (0.8, 0.9)]),
    ContourChart(
      title: "one point", xLabel: "x", yLabel: "y", xRange: 2...2, yRange: -1...(-1), values: [[3]], path: [(2, -1), (1e300, -1e300)]),
    ContourChart(
      title: "ragged", xLabel: "x", yLabel: "y", xRange: -1...1, yRange: 0...1e-6, values: [[1, 2, 3], [4, 5]],
      path: [(-1, 0), (.nan, 1), (1, 1e-6)], logarithmicLevels: true),
    ContourChart(
      title: "huge", xLabel: "x", yLabel: "y", xRange: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude,
      yRange: -Double.infinity...Double.infinity, values: [[1e-300, 1e300], [1e308, -1e308]], path: [(0, 0), (1e308, 1e308)]),
  ]

  @Test func awkwardChartsStillMakeWellFormedSVG() {
    for chart in Self.awkwardLines {
      for (width, height) in [(800, 500), (0, 0), (-5, 100_000)] {
        let parsed = Parsed(chart.svg(width: width, height: height))
        #expect(parsed.parses, "\(chart.title) at \(width) × \(height)")
        #expect(parsed.numbersAreClean, "\(chart.title)")
      }
    }
    for chart in Self.awkwardSurfaces {
      for (width, height) in [(800, 600), (0, 0)] {
        let parsed = Parsed(chart.svg(width: width, height: height))
        #expect(parsed.parses, "\(chart.title) at \(width) × \(height)")
        #expect(parsed.numbersAreClean, "\(chart.title)")
        #expect(parsed.texts.contains(chart.title))
      }
    }
    #expect(Parsed(Self.awkwardLines[0].svg()).texts.contains("no data"))
  }

  @Test func aContourChartHasItsTicksLegendAndPath() {
    let chart = ChartTerminalTests.bowl(path: [(-1.5, 1.5), (-0.75, 0.75), (0.5, -0.5)])
    let parsed = Parsed(chart.svg())
    #expect(parsed.parses)
    #expect(parsed.numbersAreClean)
    #expect(parsed.texts.contains("bowl"))
    for label in ["-2", "-1", "0", "1", "2", "w1", "w2", "start", "end"] { #expect(parsed.texts.contains(label)) }
    // Values 0 to 8, levels 1 to 7 in the legend.
    for level in 1...7 { #expect(parsed.texts.contains(String(level))) }
    #expect(parsed.elements.contains { $0.name == "polyline" })
    #expect(parsed.elements.contains { $0.name == "path" })
  }
}
