// Park matching: the Fit list (lead form preview, project detail, routing dialog, review items) and weights.
export default {
  components: {
    industry: 'Industry fit',
    carrier: 'Land and buildings',
    threshold: 'Admission thresholds',
    utility: 'Power supply',
  },
  list: {
    scoreShort: '{score}',
    weight: 'weight {weight}',
    excluded: 'Excluded (do not route)',
    excludedTag: 'Excluded',
    empty: 'No park to match',
    noneRanked: 'Every park excludes this project',
    showAll: 'Show all {n} parks',
    showLess: 'Show fewer',
    unknownTag: 'Not filled in',
    profileEmpty: 'The park has not filled in its profile: the fit cannot be judged (scored 0, ranked after parks with profiles)',
    profileEmptyTag: 'No profile',
  },
  preview: {
    title: 'Park fit preview',
    hint: 'Computed live from the industry, investment, land, factory space, power, tax and output entered; for reference only — the investment bureau routes the lead after it is reported.',
    needIndustry: 'Choose the industry to see matching parks',
    loading: 'Computing the fit…',
    failed: 'The fit preview is unavailable right now; you can still report the lead',
  },
  detail: {
    hint: 'Computed from each park profile (what we have, what we want); use it when routing.',
    failed: 'The matching parks could not be loaded',
  },
  weights: {
    title: 'Matching weights',
    explain: 'Fit = the weighted mean of the component scores × 100. Weights are whole numbers 0–100, at least one above 0.',
    share: '{pct}%',
    save: 'Save weights',
    saved: 'Matching weights saved',
    allZero: 'At least one weight must be above 0',
    range: 'Enter a whole number from 0 to 100',
    loadFailed: 'The matching weights could not be loaded',
    conflict: 'Someone else changed the weights; the latest values are shown — check them and save again',
  },
}
