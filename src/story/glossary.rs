//! The glossary: each term once, in our words. Prose marks a use with `data-term="id"`; the app
//! attaches the definition to it (pointer, touch and keyboard) and lists them all in the last
//! section.

/// (id, term, definition).
pub const GLOSSARY: &[(&str, &str, &str)] = &[
    ("hashprice", "Hashprice", "What a unit of mining power earns in a day: dollars per petahash per second per day. It moves with the bitcoin price, with fees, and inversely with the whole network's hashrate."),
    ("jth", "J/TH (joules per terahash)", "How much energy a machine burns for each trillion hashes. Lower is better: a newer machine at about half the joules of a 2021 machine pays half the power bill for the same work."),
    ("ehs", "EH/s, PH/s, ZH/s", "Units of hashing speed. A petahash (PH) is a thousand terahashes, an exahash (EH) a thousand petahashes, a zettahash (ZH) a thousand exahashes, all per second."),
    ("convertible", "Convertible note", "A bond that the holder can swap for the company's shares at a fixed price. If the shares never reach that price, the company owes the money back in cash at maturity."),
    ("premium", "Conversion premium", "How far above the share price at issue the conversion price is set. A higher premium means fewer new shares if the notes convert."),
    ("capped-call", "Capped call", "An option the issuer buys when it sells convertibles. For a rise in the share price between the conversion price and a cap, it hands the company back shares or cash worth the rise. With net-share settlement that leaves owners undiluted up to the cap; with physical settlement the holders still take shares worth the principal, so owners are still diluted below the cap, only less."),
    ("senior-secured", "Senior secured notes", "Bonds paid before other debts and backed by named assets: a data center and its leases, or the machines the money bought. If the company defaults, holders take those assets."),
    ("call-put", "Issuer call and holder put", "Dates written into a convertible's terms. From the call date the company may redeem the notes early, usually only once its shares trade well above the conversion price (often 130% of it), which pushes holders to convert. On a put date holders may hand the notes back for their principal in cash, which brings the refinancing wall forward."),
    ("recourse", "Recourse", "Whether a lender can claim more than its collateral. A non-recourse loan sits in a subsidiary that owns the pledged machines: if the company walks away, the lender takes those machines and the subsidiary's cash, nothing else. With recourse it can claim the rest from the company."),
    ("floor", "Capitulation floor", "The hashprice below which the oldest machines on the network switch off, so hashrate stops growing and hashprice stops falling. The calculator assumes one (an input; 0 turns it off)."),
    ("rescue", "Rescue share sale", "New shares a company sells to pay what its cash cannot, at a discount to the market price that deepens as the stock falls, and never more than a set share of the company in a month."),
    ("ltv", "LTV (loan-to-value)", "The loan balance as a share of the collateral's market value. When machine prices fall, the LTV rises even if no payment is missed."),
    ("dscr", "DSCR (debt service coverage)", "Cash earned in a period divided by the loan payments due in it. Below one, the business cannot pay its lender out of what it earns."),
    ("halving", "Halving", "About every four years the new bitcoin paid for each block is cut in half, and unless the price or fees make up for it, so is hashprice. The last was in April 2024; the next is expected in April 2028."),
    ("curtail", "Curtailment", "Switching machines off while they earn less than their running costs. An idle machine loses nothing but earns nothing toward its loan; the calculator sells machines idle for long enough (an input)."),
    ("covenant", "Loan-to-value covenant", "A promise that the loan stays under a set share of the collateral's value. When machine prices fall, the borrower must pay the loan down at once or default, even with every payment made."),
    ("dilution", "Dilution", "The share of the company that existing owners give up when new shares are issued, for a conversion or to raise cash."),
    ("wall", "Refinancing wall", "The cash a company must find on the day its notes mature and do not convert: the full principal, usually raised by new debt or by selling shares."),
];

/// The definition of a term, by id.
pub fn definition(id: &str) -> Option<&'static str> {
    GLOSSARY.iter().find(|g| g.0 == id).map(|g| g.2)
}
