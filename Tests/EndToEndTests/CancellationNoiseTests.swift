import Foundation
import Testing

/// Numbers a person can read: a sum that cancels prints 0, not its rounding noise.
@Suite struct CancellationNoiseTests {
  /// Softmax with cross-entropy: ∂L/∂zᵢ = pᵢ − yᵢ, and Σpᵢ = 1 = Σyᵢ, so the gradients sum
  /// to exactly 0; in floating point the three terms leave about 1e−16 behind.
  @Test func gradientsThatSumToZeroPrintZero() throws {
    let text = """
      param z1 = 1
      param z2 = -2
      param z3 = 0
      target y1 = 0
      target y2 = 0
      target y3 = 1
      S = exp(z1) + exp(z2) + exp(z3)
      L = -(y1 * log(exp(z1) / S) + y2 * log(exp(z2) / S) + y3 * log(exp(z3) / S))
      loss L
      doc dL/dz1 + dL/dz2 + dL/dz3 = 0

      """
    let directory = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("softmax.txt")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let walk = try Tool.run(["walk", file.path, "--ascii"])
    let line = try #require(walk.stdout.split(separator: "\n").first { $0.contains("dL/dz1 + dL/dz2 + dL/dz3 =") })
    #expect(line.contains(" = 0 "), "\(line)")
    #expect(!line.contains("e-"), "\(line)")
    let json = try Tool.run(["walk", file.path, "--json"])
    #expect(json.stdout.contains("\"value\": 0,"), "\(json.stdout)")
  }
}
