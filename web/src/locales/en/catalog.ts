// Industry catalog: GB/T 4754 industries, leading industries and their chain nodes.
export default {
  page: {
    title: 'Industry catalog',
    intro:
      'Leading industries and their chain nodes; each node maps to GB/T 4754-2017 industry codes used to classify leads and filter the ledger.',
    readOnly: 'Read-only: maintaining the catalog needs the coordinator role',
    empty: 'No leading industry yet',
    createLeading: 'New leading industry',
    editLeading: 'Edit',
    addNode: 'Add chain node',
  },
  leading: {
    name: 'Leading industry',
    description: 'Description',
    createTitle: 'New leading industry',
    editTitle: 'Edit leading industry',
    saved: 'Leading industry saved',
  },
  node: {
    segment: 'Segment',
    name: 'Node',
    codes: 'Industry codes',
    createTitle: 'Add chain node',
    editTitle: 'Edit chain node',
    saved: 'Chain node saved',
    deleted: 'Chain node deleted',
    delete: 'Delete',
    confirmDelete: 'Delete the node “{name}”?',
    segments: { upstream: 'Upstream', midstream: 'Midstream', downstream: 'Downstream', support: 'Supporting' },
  },
  industry: {
    placeholder: 'Filter by code or name',
    loading: 'Loading the industry classification…',
  },
}
