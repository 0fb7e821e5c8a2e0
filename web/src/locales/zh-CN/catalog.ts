// 产业目录: GB/T 4754 industries, leading industries (首位产业) and their chain nodes.
export default {
  page: {
    title: '产业目录',
    intro: '首位产业及其产业链节点；节点对应国民经济行业分类（GB/T 4754-2017）代码，用于线索归类和台账筛选。',
    readOnly: '只读：维护产业目录需要投促局统筹权限',
    empty: '尚未设置首位产业',
    createLeading: '新建首位产业',
    editLeading: '编辑',
    addNode: '添加产业链节点',
  },
  leading: {
    name: '首位产业名称',
    description: '说明',
    createTitle: '新建首位产业',
    editTitle: '编辑首位产业',
    saved: '首位产业已保存',
  },
  node: {
    segment: '环节',
    name: '节点名称',
    codes: '行业代码',
    createTitle: '添加产业链节点',
    editTitle: '编辑产业链节点',
    saved: '产业链节点已保存',
    deleted: '产业链节点已删除',
    delete: '删除',
    confirmDelete: '确定删除节点“{name}”？',
    segments: { upstream: '上游', midstream: '中游', downstream: '下游', support: '配套' },
  },
  industry: {
    placeholder: '输入行业代码或名称筛选',
    loading: '正在加载行业分类…',
  },
}
