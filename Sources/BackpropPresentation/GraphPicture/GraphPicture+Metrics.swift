extension GraphPicture {
  /// Type sizes, in pixels of the drawing, and the spacing around them: large enough to
  /// read on a projector, and the drawing narrow enough that a 1280-pixel-wide rendering
  /// keeps every text at 12 pixels or more for the built-in examples.
  enum Metrics {
    static let titleSize = 24.0
    static let nameSize = 20.0
    static let textSize = 17.0
    static let padding = 9.0
    static let margin = 20.0
    static let columnGap = 40.0
    static let rowGap = 24.0
    static let dummyHeight = 8.0
    static let portSpacing = 28.0
    static let indent = 14.0
    /// The least room a wire has to curve from one height to another.
    static let curve = 20.0

    /// About how wide `text` is at `size` pixels: DejaVu Sans's advance widths (the widest
    /// face of the font list), a little rounded up, bold a tenth wider.
    static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
      let ems = text.reduce(0.0) { $0 + advance($1) }
      return ems * size * (bold ? 1.1 : 1.0) * 1.03
    }

    /// A character's advance width in DejaVu Sans, in ems.
    static func advance(_ character: Character) -> Double {
      switch character {
      case " ", ".", ",", "·", "i", "l", "j", "'": 0.32
      case ":", ";", "/", "|", "f", "-": 0.37
      case "(", ")", "[", "]", "t", "r", "²", "³": 0.41
      case "m": 0.98
      case "w", "W", "M": 0.99
      case "+", "−", "=", "<", ">", "×", "✓", "✗", "≈", "∑": 0.84
      case "_", "s", "z", "c", "∂": 0.56
      case _ where character.isNumber: 0.64
      case _ where character.isUppercase: 0.76
      default: 0.64
      }
    }

    /// `text` broken at spaces into lines at most `width` pixels wide at `size` (a word
    /// wider than that on a line of its own).
    static func wrap(_ text: String, width: Double, size: Double, bold: Bool = false) -> [String] {
      var lines: [String] = []
      var line = ""
      for word in text.split(separator: " ") {
        let candidate = line.isEmpty ? String(word) : line + " " + word
        if !line.isEmpty, Self.width(candidate, size: size, bold: bold) > width {
          lines.append(line)
          line = String(word)
        } else {
          line = candidate
        }
      }
      if !line.isEmpty { lines.append(line) }
      return lines
    }

    /// The distance from one baseline to the next.
    static func lineHeight(_ size: Double) -> Double { (size * 1.3).rounded() }
  }

  /// One line of text in a box: what it says, its class in the style sheet, its size.
  struct TextLine {
    var text: String
    var style: String
    var size: Double = Metrics.textSize
    var bold = false
    /// How far right of the box's text the line starts (a document value under its number).
    var indent = 0.0
    /// The `<g class="doc">` the line belongs to, if any (an index into the card's documents).
    var document: Int?
  }

  /// A rectangle in the drawing's coordinates.
  struct Box: Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var right: Double { x + width }
    var bottom: Double { y + height }
    var centreY: Double { y + height / 2 }

    /// Whether the two rectangles share any area.
    func overlaps(_ other: Box) -> Bool {
      x < other.right && other.x < right && y < other.bottom && other.y < bottom
    }
  }
}
