//! The AI/HPC build-out funded by the proceeds (docs/model.md, "The data center"): megawatts bought,
//! build and ramp, lease NOI, and the book value that secures structure C.

use super::money::Money;

/// The build-out's shape, in model units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HpcPlan {
    /// Share of the proceeds spent on HPC capex, α_hpc (fraction).
    pub share_of_proceeds: f64,
    pub capex_usd_per_mw: f64,
    pub lease_usd_per_mw_year: f64,
    /// NOI margin m_hpc (fraction).
    pub noi_margin: f64,
    pub build_months: u32,
    pub ramp_months: u32,
    pub lease_term_months: u32,
}

impl HpcPlan {
    /// MW_target = α_hpc·F / capex_per_MW.
    pub fn megawatts(&self, principal_usd: f64) -> f64 {
        if self.capex_usd_per_mw > 0.0 { self.share_of_proceeds * principal_usd / self.capex_usd_per_mw } else { 0.0 }
    }

    /// f_t (docs/model.md, "The data center"): 0 while building, then a linear ramp to 1 over `ramp_months`
    /// (a step when 0), and 0 again after the lease term.
    pub fn online_fraction(&self, t: u32) -> f64 {
        if t <= self.build_months || t > self.build_months.saturating_add(self.lease_term_months) {
            0.0
        } else if self.ramp_months == 0 {
            1.0
        } else {
            ((t - self.build_months) as f64 / self.ramp_months as f64).min(1.0)
        }
    }

    /// HPC_NOI_t = MW_target · f_t · L_MW / 12 · m_hpc, in money. The ramp fraction is a
    /// ratio of whole months, so it is computed in the money type too (exact in `Decimal`).
    pub fn monthly_noi<M: Money>(&self, megawatts: M, t: u32) -> M {
        let fraction = if t <= self.build_months || t > self.build_months.saturating_add(self.lease_term_months) {
            M::ZERO
        } else if self.ramp_months == 0 || t - self.build_months >= self.ramp_months {
            M::ONE
        } else {
            M::from_int((t - self.build_months) as i64) / M::from_int(self.ramp_months as i64)
        };
        megawatts * fraction * M::from_f64(self.lease_usd_per_mw_year) / M::from_int(12) * M::from_f64(self.noi_margin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ramp_after_build_then_lease_ends() {
        let plan = HpcPlan {
            share_of_proceeds: 1.0,
            capex_usd_per_mw: 9e6,
            lease_usd_per_mw_year: 1.8e6,
            noi_margin: 0.85,
            build_months: 12,
            ramp_months: 6,
            lease_term_months: 120,
        };
        for (t, expected) in [(12, 0.0), (13, 1.0 / 6.0), (18, 1.0), (132, 1.0), (133, 0.0)] {
            assert_eq!(plan.online_fraction(t), expected, "month {t}");
        }
        let mw = plan.megawatts(900e6);
        assert!((mw - 100.0).abs() < 1e-12);
        // 100 MW × 1.8M / 12 × 0.85 = 12.75M a month at full capacity.
        assert!((plan.monthly_noi(mw, 20) - 12_750_000.0).abs() < 1e-6);
    }
}
