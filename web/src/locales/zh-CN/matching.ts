// 园区匹配: the Fit list (lead form preview, project detail, routing dialog, review items) and weights.
export default {
  components: {
    industry: '产业契合',
    carrier: '载体条件',
    threshold: '准入门槛',
    utility: '用电保障',
  },
  list: {
    scoreShort: '{score} 分',
    weight: '权重 {weight}',
    excluded: '排除（不宜分派）',
    excludedTag: '排除',
    empty: '暂无可匹配的园区',
    noneRanked: '所有园区都已排除该项目',
    showAll: '展开全部 {n} 个园区',
    showLess: '收起',
    unknownTag: '未填写',
    profileEmpty: '园区未填写画像，无法评估匹配度（按 0 分计，排在已填写画像的园区之后）',
    profileEmptyTag: '园区未填写画像',
  },
  preview: {
    title: '园区匹配预览',
    hint: '根据当前填写的行业、投资、用地、厂房、用电、税收和产值实时计算，仅供参考；报送后由投促局统筹分派。',
    needIndustry: '选择所属行业后显示匹配园区',
    loading: '正在计算匹配度…',
    failed: '匹配预览暂时不可用，不影响报送',
  },
  detail: {
    hint: '按园区画像（我有什么、我要什么）计算；分派时可参考。',
    failed: '匹配结果加载失败',
  },
  weights: {
    title: '匹配权重',
    explain: '匹配度 = 各项得分按权重加权平均后 × 100。权重为 0–100 的整数，至少一项大于 0。',
    share: '占 {pct}%',
    save: '保存权重',
    saved: '匹配权重已保存',
    allZero: '至少一项权重须大于 0',
    range: '请输入 0–100 之间的整数',
    loadFailed: '匹配权重加载失败',
    conflict: '匹配权重已被他人修改，已重新加载最新值，请确认后再保存',
  },
}
