//! Structure B, convertible senior notes (docs/model.md, "Structure B: convertible notes"): conversion price and rate,
//! capped call, physical / net-share / cash settlement, semi-annual coupons, issuer call and
//! holder put, maturity (convert or repay) and the refinancing wall.
//!
//! The three dilution figures, because each answers a different question:
//! - **reported** = N_conv / (N0 + N_conv): the if-converted dilution printed at issue;
//! - **conversion** = net / (N0 + net), `net` the shares actually issued on conversion after
//!   the settlement mode and the capped call (0 when the notes are repaid);
//! - **total** = all new shares to the end of the run, rescue shares included, over
//!   N0 + all new shares (= 1 − ownership retained).

use super::assumptions::{Settlement, WallPolicy};
use super::company::{Company, Due};
use super::month::MonthMarket;
use super::terms::Terms;
use super::money::Money;

/// The conversion terms at issue (docs/model.md, "Structure B: convertible notes").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ConversionTerms<M> {
    /// K = S_ref × (1 + premium).
    pub conversion_price: M,
    /// CR = 1000 / K, shares per $1,000 of notes.
    pub conversion_rate: M,
    /// N_conv = F / K, the if-converted share count.
    pub if_converted_shares: M,
    /// C_cap = S_ref × (1 + cap premium), when there is a capped call.
    pub cap_price: Option<M>,
}

impl<M: Money> ConversionTerms<M> {
    pub fn new(principal: M, reference_price: M, premium: M, cap_premium: Option<M>) -> Self {
        let conversion_price = reference_price * (M::ONE + premium);
        ConversionTerms {
            conversion_price,
            conversion_rate: M::from_int(1000).checked_ratio(conversion_price).unwrap_or(M::ZERO),
            if_converted_shares: principal.checked_ratio(conversion_price).unwrap_or(M::ZERO),
            cap_price: cap_premium.map(|c| reference_price * (M::ONE + c)),
        }
    }

    /// Reported dilution N_conv / (N0 + N_conv).
    pub fn reported_dilution(&self, shares_before: M) -> M {
        self.if_converted_shares.checked_ratio(shares_before + self.if_converted_shares).unwrap_or(M::ZERO)
    }

    /// Ownership kept by the original holders if the notes settled at `price` (1 at or below
    /// K: repaid, no shares), for the "ownership versus share price" chart.
    pub fn ownership_if_settled_at(&self, principal: M, shares_before: M, price: M, settlement: Settlement) -> M {
        if price <= self.conversion_price {
            return M::ONE;
        }
        let net = self.settle(principal, price, settlement).net_shares;
        shares_before.checked_ratio(shares_before + net).unwrap_or(M::ONE)
    }

    /// Settles a conversion at share price `price` > K (docs/model.md, "Structure B: convertible notes").
    pub fn settle(&self, principal: M, price: M, settlement: Settlement) -> Conversion<M> {
        let n = self.if_converted_shares;
        let (gross_shares, mut cash_out) = match settlement {
            Settlement::Physical => (n, M::ZERO),
            Settlement::Cash => (M::ZERO, n * price),
            Settlement::NetShare => ((n * (price - self.conversion_price)).checked_ratio(price).unwrap_or(M::ZERO), principal),
        };
        // CC = N_conv × (min(S, C_cap) − K)⁺, delivered in shares (or cash under cash settlement).
        let capped_call_value = match self.cap_price {
            Some(cap) => n * (price.min_of(cap) - self.conversion_price).positive_part(),
            None => M::ZERO,
        };
        let net_shares = match settlement {
            Settlement::Cash => {
                cash_out = cash_out - capped_call_value;
                M::ZERO
            }
            _ => (gross_shares - capped_call_value.checked_ratio(price).unwrap_or(M::ZERO)).positive_part(),
        };
        Conversion { gross_shares, net_shares, cash_out, capped_call_value }
    }
}

/// A settled conversion.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Conversion<M> {
    pub gross_shares: M,
    /// Shares issued after the capped call's offset.
    pub net_shares: M,
    pub cash_out: M,
    pub capped_call_value: M,
}

/// How the notes ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotesEvent {
    /// Converted after the issuer's provisional call (S ≥ trigger × K).
    ConvertedOnCall,
    ConvertedAtMaturity,
    /// Repaid at par on the holder put.
    RepaidOnPut,
    RepaidAtMaturity,
}

/// What happened to the convertible.
#[derive(Clone, Debug, PartialEq)]
pub struct ConvertibleOutcome<M> {
    pub terms: ConversionTerms<M>,
    pub event: Option<NotesEvent>,
    pub event_month: Option<u32>,
    pub conversion: Option<Conversion<M>>,
    /// Principal due that cash could not cover: max(0, F − cash).
    pub refinancing_wall: M,
    /// What a default left unpaid (principal, and a missed coupon), when it defaulted: from then
    /// on a claim of the company ([`Company::unpaid_claims`]), growing and taking its cash.
    pub unpaid: M,
    /// The part of the wall refinanced with new notes.
    pub refinanced: M,
    pub default_month: Option<u32>,
    pub coupons_paid: M,
    /// Cash paid at settlement or repayment.
    pub principal_paid_cash: M,
    pub dilution_reported: M,
    pub dilution_conversion: M,
}

/// The notes while outstanding.
#[derive(Clone, Debug)]
pub struct Convertible<M> {
    pub outstanding: M,
    last_coupon_month: u32,
    pub outcome: ConvertibleOutcome<M>,
}

impl<M: Money> Convertible<M> {
    /// Issue (docs/model.md, "Structure B: convertible notes", t = 0).
    pub fn issue(terms: &Terms<M>) -> Self {
        let conversion = ConversionTerms::new(terms.principal, terms.reference_price, terms.premium, terms.cap_premium);
        let dilution_reported = conversion.reported_dilution(terms.shares_before_raise);
        Convertible {
            outstanding: terms.principal,
            last_coupon_month: 0,
            outcome: ConvertibleOutcome {
                terms: conversion,
                event: None,
                event_month: None,
                conversion: None,
                refinancing_wall: M::ZERO,
                unpaid: M::ZERO,
                refinanced: M::ZERO,
                default_month: None,
                coupons_paid: M::ZERO,
                principal_paid_cash: M::ZERO,
                dilution_reported,
                dilution_conversion: M::ZERO,
            },
        }
    }

    /// Fees at issue: issue cost plus the capped call's cost.
    pub fn fees(terms: &Terms<M>) -> M {
        let capped = if terms.cap_premium.is_some() { terms.capped_call_cost } else { M::ZERO };
        (terms.issue_cost + capped) * terms.principal
    }

    /// Month `t` (docs/model.md, "Structure B: convertible notes"), including the company's operations.
    pub fn month(&mut self, t: u32, market: &MonthMarket<M>, company: &mut Company<M>, terms: &Terms<M>) {
        company.operate(company.fleet_ph, market, terms);
        if self.outstanding <= M::ZERO {
            return;
        }
        if self.outcome.default_month.is_some() {
            return;
        }
        if terms.coupon > M::ZERO && t.is_multiple_of(6) && !self.pay_coupon(t, market, company, terms) {
            return;
        }
        let call_window = terms.call_start_month.is_some_and(|c| t >= c) && t < terms.maturity_months;
        if !call_window && terms.put_month != Some(t) && t != terms.maturity_months {
            return;
        }
        let price = market.share_price();
        let k = self.outcome.terms.conversion_price;
        let event = if call_window && price >= terms.call_trigger * k {
            Some(NotesEvent::ConvertedOnCall)
        } else if terms.put_month == Some(t) && price < k && t < terms.maturity_months {
            Some(NotesEvent::RepaidOnPut)
        } else if t == terms.maturity_months {
            Some(if price > k { NotesEvent::ConvertedAtMaturity } else { NotesEvent::RepaidAtMaturity })
        } else {
            None
        };
        let Some(event) = event else { return };
        self.outcome.event = Some(event);
        self.outcome.event_month = Some(t);
        match event {
            NotesEvent::ConvertedOnCall | NotesEvent::ConvertedAtMaturity => {
                let settled = self.outcome.terms.settle(self.outstanding, price, terms.settlement);
                company.pay(settled.cash_out);
                company.shares = company.shares + settled.net_shares;
                self.outcome.principal_paid_cash = self.outcome.principal_paid_cash + settled.cash_out;
                self.outcome.dilution_conversion =
                    settled.net_shares.checked_ratio(terms.shares_before_raise + settled.net_shares).unwrap_or(M::ZERO);
                self.outcome.conversion = Some(settled);
            }
            NotesEvent::RepaidOnPut | NotesEvent::RepaidAtMaturity => {
                // Accrued coupon since the last payment is paid with the principal.
                if terms.coupon > M::ZERO && self.last_coupon_month < t && !self.pay_coupon(t, market, company, terms) {
                    return;
                }
                self.repay(t, market, company, terms);
            }
        }
        self.outstanding = M::ZERO;
    }

    /// Principal that falls due in the `months` after `t`, at a put or at maturity, and that
    /// the holders would not convert at today's share price: what the company should expect to
    /// repay, with the months until then. [`Due::none`] when none does.
    pub fn principal_due_within(&self, t: u32, months: u32, market: &MonthMarket<M>, terms: &Terms<M>) -> Due<M> {
        let soon = |m: &u32| *m > t && *m <= t + months;
        let first = terms.put_month.into_iter().chain([terms.maturity_months]).filter(soon).min();
        match first {
            Some(m) if self.outstanding > M::ZERO
                && self.outcome.default_month.is_none()
                && market.share_price() <= self.outcome.terms.conversion_price =>
            {
                Due { amount: self.outstanding, months_left: m - t }
            }
            _ => Due::none(),
        }
    }

    /// Pays the coupon due in month `t`; a coupon the company cannot pay (cash and new shares,
    /// [`Company::can_pay`]) is a default: the notes stop paying, and the principal and the
    /// coupon stay owed. Returns whether it was paid.
    fn pay_coupon(&mut self, t: u32, market: &MonthMarket<M>, company: &mut Company<M>, terms: &Terms<M>) -> bool {
        let months = M::from_int((t - self.last_coupon_month) as i64);
        let coupon = self.outstanding * terms.coupon * months / M::from_int(12);
        if !company.can_pay(coupon, market, terms) {
            self.outcome.unpaid = self.outstanding + coupon;
            company.owe_after_default(self.outcome.unpaid);
            self.outcome.default_month = Some(t);
            self.outstanding = M::ZERO;
            return false;
        }
        company.pay(coupon);
        self.outcome.coupons_paid = self.outcome.coupons_paid + coupon;
        self.last_coupon_month = t;
        true
    }

    /// Repayment at par; the wall is what cash cannot cover (docs/model.md, "Structure B: convertible notes"). The market
    /// refinances the wall first where it allows ([`Company::refinance`]). With the `equity`
    /// policy the company sells new shares to pay when its cash and that month's new shares
    /// cover the principal ([`Company::can_pay`]); when they cannot, or with `default`, it pays
    /// what cash it has and defaults on the rest, which stays owed ahead of the shareholders.
    fn repay(&mut self, t: u32, market: &MonthMarket<M>, company: &mut Company<M>, terms: &Terms<M>) {
        let notes = self.outstanding;
        if company.cash.positive_part() < notes {
            let wall = notes - company.cash.positive_part();
            self.outcome.refinancing_wall = wall;
            self.outcome.refinanced = company.refinance(t, wall, M::ZERO, market, terms);
        }
        let available = company.cash.positive_part();
        let paid = match terms.wall_policy {
            WallPolicy::Equity if company.can_pay(notes, market, terms) => notes,
            _ => notes.min_of(available),
        };
        company.pay(paid);
        self.outcome.principal_paid_cash = self.outcome.principal_paid_cash + paid;
        if paid < notes {
            self.outcome.unpaid = notes - paid;
            company.owe_after_default(self.outcome.unpaid);
            self.outcome.default_month = Some(t);
        }
    }
}
