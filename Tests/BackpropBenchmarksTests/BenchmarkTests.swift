import Testing

@testable import BackpropBenchmarks

/// The benchmark's arguments, its data, and its two runs of the same arithmetic.
@Suite struct BenchmarkTests {
  @Test func options() throws {
    let options = try BenchmarkOptions(["--points", "2", "--hidden", "3", "--json"])
    // Fewer than 4 points cannot make two arcs.
    #expect(options.points == 4)
    #expect(options.hidden == 3)
    #expect(options.json && !options.scale)
    #expect(try BenchmarkOptions(["-h", "--frob"]).help)
  }

  @Test func badOptionsAreUsageErrors() {
    for arguments in [["--steps", "0"], ["--steps"], ["--frob"], ["--walks"]] {
      #expect(throws: BenchmarkFailure.self) { try BenchmarkOptions(arguments) }
      #expect(Benchmarks.main(arguments) == 64)
    }
  }

  @Test func fourMoonPointsLieOnTheTwoArcs() {
    // Half = 2, t = 0 and π: (cos t, sin t) for class +1, (1 − cos t, ½ − sin t) for −1.
    let points = MoonsWorkload.moons(4)
    let expected: [([Double], Double)] = [([1, 0], 1), ([-1, 0], 1), ([0, 0.5], -1), ([2, 0.5], -1)]
    for (point, (x, y)) in zip(points, expected) {
      #expect(abs(point.x[0] - x[0]) < 1e-15 && abs(point.x[1] - x[1]) < 1e-15)
      #expect(point.y == y)
    }
  }

  @Test func theEngineAndTheFusedLoopAgree() throws {
    let options = try BenchmarkOptions(["--points", "8", "--hidden", "3", "--steps", "3", "--repeats", "1"])
    let data = MoonsWorkload.moons(options.points)
    let engine = MoonsWorkload.engine(options, data: data)
    let fused = MoonsWorkload.fused(options, data: data)
    #expect(engine.losses.count == 3)
    for (a, b) in zip(engine.losses, fused.losses) { #expect(abs(a - b) <= 1e-12 * max(1, abs(b))) }
    // Training lowers the loss.
    #expect(engine.losses[2] < engine.losses[0])
  }
}
