// Fit reasons: one sentence per reason code of docs/api.md "Matching" (key fit.<code>, params as sent).
export default {
  // industry
  industry_same_code: 'The industry falls under the park’s target industry {code} {name}',
  industry_chain_node: 'Belongs to the park’s chain node “{node}”',
  industry_leading: 'Belongs to the park’s leading industry “{industry}”',
  industry_same_division: 'Same division as a target industry: {division} {name}',
  industry_same_section: 'Same section as a target industry: {section} {name}',
  industry_none: 'Not related to the park’s target industries',
  industry_unknown: 'The park has not filled in its target industries: fit unknown (scored 0)',
  // carriers
  carrier_no_need: 'The project needs no land or factory space',
  land_fits: 'Available parcel “{carrier}” of {area_mu} mu covers the {need_mu} mu needed',
  land_short: 'The largest available parcel is {largest_mu} mu, less than the {need_mu} mu needed',
  land_none: 'Every land parcel is taken or reserved ({need_mu} mu needed)',
  land_unknown: 'The park has recorded no land parcels ({need_mu} mu needed; scored 0)',
  factory_fits: 'Available factory “{carrier}” of {area_m2} m² covers the {need_m2} m² needed',
  factory_short: 'The largest available factory is {largest_m2} m², less than the {need_m2} m² needed',
  factory_none: 'Every factory is taken or reserved ({need_m2} m² needed)',
  factory_unknown: 'The park has recorded no factories ({need_m2} m² needed; scored 0)',
  // thresholds
  threshold_no_land: 'No land needed: per-mu thresholds do not apply',
  threshold_unknown: 'The park has not filled in its per-mu thresholds: unknown (scored 0)',
  intensity_ok: 'Investment intensity {value_wan} (10k CNY/mu) meets the park’s minimum of {min_wan}',
  intensity_low: 'Investment intensity {value_wan} (10k CNY/mu) is below the park’s minimum of {min_wan}',
  tax_ok: 'Tax per mu {value_wan} (10k CNY/mu/year) meets the park’s minimum of {min_wan}',
  tax_low: 'Tax per mu {value_wan} (10k CNY/mu/year) is below the park’s minimum of {min_wan}',
  output_ok: 'Output per mu {value_wan} (10k CNY/mu/year) meets the park’s minimum of {min_wan}',
  output_low: 'Output per mu {value_wan} (10k CNY/mu/year) is below the park’s minimum of {min_wan}',
  // power
  power_no_need: 'The project needs no power supply',
  power_ok: 'Power need {need_kva} kVA fits the park’s spare capacity of {capacity_kva} kVA',
  power_short: 'Power need {need_kva} kVA exceeds the park’s spare capacity of {capacity_kva} kVA',
  power_unknown: 'The park has not stated its spare power capacity ({need_kva} kVA needed; scored 0)',
  // exclusions
  excluded_industry: 'Industry {code} {name} is excluded by the park',
  redline: 'Industry {code} {name} crosses the park’s energy/environment red line: {note}',
  /** `redline` without a note */
  redline_plain: 'Industry {code} {name} crosses the park’s energy/environment red line',
  /** a code this version of the app does not know */
  unknown: 'Fit note: {code}',
}
