//! Monte Carlo's random numbers: one stream per path, keyed by the seed and the path's index,
//! and standard normal draws from it.
//!
//! - **Streams.** Path `i` of seed `s` starts a xoshiro256++ generator (Blackman and Vigna) from
//!   four words of SplitMix64 run from a key that mixes `s` and `i` through SplitMix64's
//!   finaliser twice. Different seeds and indices give unrelated keys, so seeds `s` and `s + 1`
//!   share no path, and every path can be drawn alone, in any order or chunking.
//! - **Normals.** Marsaglia's polar method: a point drawn uniformly in the unit disc gives two
//!   independent standard normals; the second is kept for the next draw.
//!
//! Integer arithmetic and `libm`'s `log` and `sqrt` only, so the host and the browser draw the
//! same numbers to the bit. Both algorithms are a few lines with no tables: the bundle carries
//! neither a block cipher nor a ziggurat's lookup tables.

/// SplitMix64's finaliser: a bijective mix of 64 bits.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

const GOLDEN: u64 = 0x9e37_79b9_7f4a_7c15;

/// The random stream of one Monte Carlo path.
#[derive(Clone, Debug)]
pub struct PathRng {
    state: [u64; 4],
    /// The polar method's second normal, kept for the next draw.
    spare: Option<f64>,
}

impl PathRng {
    /// The stream of path `index` of `seed`.
    pub fn new(seed: u64, index: u64) -> PathRng {
        let mut key = mix(mix(seed.wrapping_add(GOLDEN)) ^ index);
        let mut next = || {
            key = key.wrapping_add(GOLDEN);
            mix(key)
        };
        PathRng { state: [next(), next(), next(), next()], spare: None }
    }

    /// The next 64 random bits (xoshiro256++).
    pub fn next_u64(&mut self) -> u64 {
        let s = &mut self.state;
        let result = s[0].wrapping_add(s[3]).rotate_left(23).wrapping_add(s[0]);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// Uniform on (−1, 1), from the top 53 bits.
    fn symmetric(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (2.0 / (1u64 << 53) as f64) - 1.0
    }

    /// A standard normal draw.
    pub fn normal(&mut self) -> f64 {
        if let Some(z) = self.spare.take() {
            return z;
        }
        loop {
            let (u, v) = (self.symmetric(), self.symmetric());
            let s = u * u + v * v;
            if s > 0.0 && s < 1.0 {
                let factor = libm::sqrt(-2.0 * libm::log(s) / s);
                self.spare = Some(v * factor);
                return u * factor;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xoshiro_matches_its_reference_output() {
        // xoshiro256++ from the state [1, 2, 3, 4]: the reference implementation's first outputs.
        let mut rng = PathRng { state: [1, 2, 3, 4], spare: None };
        let first: Vec<u64> = (0..4).map(|_| rng.next_u64()).collect();
        assert_eq!(first, [41943041, 58720359, 3588806011781223, 3591011842654386]);
    }

    #[test]
    fn normals_have_mean_zero_and_variance_one() {
        let mut rng = PathRng::new(42, 0);
        let n = 200_000;
        let draws: Vec<f64> = (0..n).map(|_| rng.normal()).collect();
        let mean = draws.iter().sum::<f64>() / n as f64;
        let variance = draws.iter().map(|z| (z - mean) * (z - mean)).sum::<f64>() / n as f64;
        // Standard errors: 1/√n ≈ 0.0022 for the mean, √(2/n) ≈ 0.0032 for the variance.
        assert!(mean.abs() < 0.01, "{mean}");
        assert!((variance - 1.0).abs() < 0.015, "{variance}");
        let tail = draws.iter().filter(|z| **z > 1.96).count() as f64 / n as f64;
        assert!((tail - 0.025).abs() < 0.002, "P(Z > 1.96) = {tail}");
    }
}
