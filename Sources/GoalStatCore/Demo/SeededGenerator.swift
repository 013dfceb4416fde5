/// A small seedable pseudo-random generator (SplitMix64) that gives the same numbers on every platform.
///
/// The standard library has no seedable generator (`SystemRandomNumberGenerator` cannot be seeded), and
/// `Hasher`/`hashValue` are randomized per process, so demo data and tests that must repeat exactly use this.
/// SplitMix64 is tiny, passes BigCrush, and needs only wrapping integer arithmetic, so it is bit-for-bit
/// identical on Linux and macOS. Its Gaussian draw avoids `log`/`cos` (whose last bit can differ between
/// C libraries) and sums uniforms instead.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// Seeds from the bytes of a text (FNV-1a), e.g. an indicator code, so each series has its own stream.
    public init(seedFrom text: String) {
        self.init(seed: Self.fnv1a(text))
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1) built from the top 53 bits.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// An approximately standard normal draw (Irwin–Hall: twelve uniforms minus six), exact in IEEE arithmetic.
    public mutating func nextGaussian() -> Double {
        var sum = 0.0
        for _ in 0..<12 { sum += nextUnit() }
        return sum - 6
    }

    /// The 64-bit FNV-1a hash of the text's UTF-8 bytes: stable across processes and platforms.
    public static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
