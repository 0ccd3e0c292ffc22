import BackpropCore
import Foundation

/// Writing a chart as SVG: escaped text, numbers without floating-point noise, the
/// document around a chart, and its axes.
///
/// Sizes are for a projected slide: a 20px title, 16px axis labels, 14px tick labels.
enum ChartSVG {
  static let font = "DejaVu Sans, Helvetica, Arial, sans-serif"
  static let titleSize = 20.0
  static let labelSize = 16.0
  static let tickSize = 14.0
  static let ink = "#222222"

  /// The plot area in pixels; fractions along the axes measured from its bottom left.
  struct Area {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    func x(_ fraction: Double) -> Double { x + fraction * width }
    func y(_ fraction: Double) -> Double { y + height - fraction * height }
  }

  /// About how wide `text` is at `size` pixels (a sans-serif character is about 0.6 em).
  static func textWidth(_ text: String, size: Double = tickSize) -> Double {
    Double(text.count) * size * 0.6
  }

  /// A coordinate to a hundredth of a pixel, trailing zeros dropped: `12.5`, `300`, not `12.500000000000002`.
  static func number(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    var text = String(format: "%.2f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text == "-0" ? "0" : text
  }

  /// Points as a polyline's `points` attribute.
  static func points(_ points: [(x: Double, y: Double)]) -> String {
    points.map { number($0.x) + "," + number($0.y) }.joined(separator: " ")
  }

  /// A `<rect>` with its top left corner at (`x`, `y`).
  static func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, _ style: String) -> String {
    #"<rect x="\#(number(x))" y="\#(number(y))" width="\#(number(width))" height="\#(number(height))" \#(style)/>"#
  }

  /// A `<circle>` around `centre`.
  static func circle(_ centre: (x: Double, y: Double), radius: Double, _ style: String) -> String {
    #"<circle cx="\#(number(centre.x))" cy="\#(number(centre.y))" r="\#(number(radius))" \#(style)/>"#
  }

  /// A standalone document: XML declaration, white background, the title at the top, then `body`.
  static func document(width: Int, height: Int, title: String, body: [String]) -> String {
    var lines = [
      WriterMark.svg,
      #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(width)" height="\#(height)" viewBox="0 0 \#(width) \#(height)" "#
        + #"font-family="\#(font)" fill="\#(ink)">"#,
      "<title>\(Escaping.xml(title))</title>",
      #"<rect x="0" y="0" width="\#(width)" height="\#(height)" fill="white"/>"#,
    ]
    if !title.isEmpty {
      lines.append(text(title, x: Double(width) / 2, y: 34, size: titleSize, attributes: #"font-weight="bold""#))
    }
    return (lines + body + ["</svg>", ""]).joined(separator: "\n")
  }

  /// A `<text>` element; `anchor` is start, middle or end.
  static func text(_ content: String, x: Double, y: Double, size: Double, anchor: String = "middle", attributes: String = "")
    -> String
  {
    let extra = attributes.isEmpty ? "" : " " + attributes
    return #"<text x="\#(number(x))" y="\#(number(y))" font-size="\#(number(size))" text-anchor="\#(anchor)"\#(extra)>"#
      + Escaping.xml(content) + "</text>"
  }

  /// How far left of the plot area the y axis's tick labels and label reach.
  static func leftMargin(_ y: ChartAxis, yLabel: String) -> Double {
    let widest = y.labels.map { textWidth($0) }.max() ?? 0
    return 16 + (yLabel.isEmpty ? 0 : labelSize + 14) + widest + 9
  }

  /// The frame, grid lines (when `grid`), tick marks, tick labels and axis labels.
  static func axes(_ area: Area, x: ChartAxis, y: ChartAxis, xLabel: String, yLabel: String, grid: Bool) -> [String] {
    var lines: [String] = []
    let bottom = area.y + area.height
    func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ style: String) -> String {
      #"<line x1="\#(number(x1))" y1="\#(number(y1))" x2="\#(number(x2))" y2="\#(number(y2))" \#(style)/>"#
    }
    let xTicks = zip(x.ticks, x.labels).map { (area.x(x.fraction($0)), $1) }.filter { $0.0.isFinite }
    let yTicks = zip(y.ticks, y.labels).map { (area.y(y.fraction($0)), $1) }.filter { $0.0.isFinite }
    if grid {
      for minor in y.minorTicks {
        let py = area.y(y.fraction(minor))
        if py.isFinite { lines.append(line(area.x, py, area.x + area.width, py, ##"stroke="#f0f0f0" stroke-width="1""##)) }
      }
      for (px, _) in xTicks { lines.append(line(px, area.y, px, bottom, ##"stroke="#e2e2e2" stroke-width="1""##)) }
      for (py, _) in yTicks { lines.append(line(area.x, py, area.x + area.width, py, ##"stroke="#e2e2e2" stroke-width="1""##)) }
    }
    let tickStyle = #"stroke="\#(ink)" stroke-width="1.5""#
    for (px, label) in xTicks {
      lines.append(line(px, bottom, px, bottom + 6, tickStyle))
      lines.append(text(label, x: px, y: bottom + 8 + tickSize, size: tickSize))
    }
    for minor in y.minorTicks {
      let py = area.y(y.fraction(minor))
      if py.isFinite { lines.append(line(area.x - 3, py, area.x, py, #"stroke="\#(ink)" stroke-width="1""#)) }
    }
    for (py, label) in yTicks {
      lines.append(line(area.x - 6, py, area.x, py, tickStyle))
      lines.append(text(label, x: area.x - 9, y: py + tickSize * 0.35, size: tickSize, anchor: "end"))
    }
    lines.append(rect(area.x, area.y, area.width, area.height, #"fill="none" stroke="\#(ink)" stroke-width="1.5""#))
    if !xLabel.isEmpty {
      lines.append(text(xLabel, x: area.x + area.width / 2, y: bottom + 16 + tickSize + labelSize, size: labelSize))
    }
    if !yLabel.isEmpty {
      let widest = y.labels.map { textWidth($0) }.max() ?? 0
      let px = area.x - 9 - widest - 14
      let py = area.y + area.height / 2
      lines.append(
        text(yLabel, x: px, y: py, size: labelSize, attributes: #"transform="rotate(-90 \#(number(px)) \#(number(py)))""#))
    }
    return lines
  }
}

extension ChartSVG {
  /// A light-to-dark colour ramp (ColorBrewer's YlGnBu): `t` = 0 pale yellow, 1 deep blue.
  static func colour(_ t: Double) -> String {
    let stops: [(Double, Double, Double)] = [
      (255, 255, 217), (237, 248, 177), (199, 233, 180), (127, 205, 187), (65, 182, 196),
      (29, 145, 192), (34, 94, 168), (37, 52, 148), (8, 29, 88),
    ]
    let position = (t.isFinite ? min(max(t, 0), 1) : 0) * Double(stops.count - 1)
    let i = min(Int(position), stops.count - 2)
    let f = position - Double(i)
    let (a, b) = (stops[i], stops[i + 1])
    let channels = [a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f, a.2 + (b.2 - a.2) * f]
    return "#" + channels.map { String(format: "%02x", Int($0.rounded())) }.joined()
  }

  /// The contour line at `level` through a grid of samples (row 0 at the top), by
  /// marching squares, as path data; `pixel(row, column)` places a fractional grid position.
  ///
  /// Each square whose corners straddle the level gets one segment (two at a saddle,
  /// split the way the square's mean value says), its ends interpolated linearly along the edges.
  static func isoline(_ samples: [[Double]], level: Double, pixel: (Double, Double) -> (x: Double, y: Double)) -> String {
    var d = ""
    for r in 0..<max(samples.count - 1, 0) {
      let (upper, lower) = (samples[r], samples[r + 1])
      for c in 0..<max(min(upper.count, lower.count) - 1, 0) {
        let (tl, tr, br, bl) = (upper[c], upper[c + 1], lower[c + 1], lower[c])
        guard tl.isFinite, tr.isFinite, br.isFinite, bl.isFinite else { continue }
        func at(_ a: Double, _ b: Double) -> Double { a == b ? 0.5 : min(max((level - a) / (b - a), 0), 1) }
        let (row, column) = (Double(r), Double(c))
        let top = pixel(row, column + at(tl, tr))
        let right = pixel(row + at(tr, br), column + 1)
        let bottom = pixel(row + 1, column + at(bl, br))
        let left = pixel(row + at(tl, bl), column)
        let high = (tl >= level ? 8 : 0) + (tr >= level ? 4 : 0) + (br >= level ? 2 : 0) + (bl >= level ? 1 : 0)
        let centreHigh = (tl / 4 + tr / 4 + br / 4 + bl / 4) >= level
        let segments: [((x: Double, y: Double), (x: Double, y: Double))]
        switch high {
        case 1, 14: segments = [(left, bottom)]
        case 2, 13: segments = [(bottom, right)]
        case 3, 12: segments = [(left, right)]
        case 4, 11: segments = [(top, right)]
        case 6, 9: segments = [(top, bottom)]
        case 7, 8: segments = [(left, top)]
        case 5: segments = centreHigh ? [(left, top), (bottom, right)] : [(left, bottom), (top, right)]
        case 10: segments = centreHigh ? [(top, right), (left, bottom)] : [(left, top), (bottom, right)]
        default: segments = []
        }
        for (a, b) in segments {
          d += "M\(number(a.x)) \(number(a.y))L\(number(b.x)) \(number(b.y))"
        }
      }
    }
    return d
  }
}
