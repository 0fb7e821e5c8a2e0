export default {
  reasons: {
    required: '必填',
    wrong_type: '类型错误',
    unknown_field: '未知字段',
    too_long: '内容过长',
    invalid_value: '取值无效',
    not_found: '对象不存在',
    too_short: '至少 8 位',
    too_few_classes: '需包含大写、小写、数字、符号中的至少 3 类',
    contains_login: '不能包含账号',
    already_exists: '已被占用',
    role_conflict: '角色冲突：管理员角色只能单独担任一种',
    bad_check_character: '校验位错误，请核对统一社会信用代码',
    invalid_format: '格式不正确',
    in_future: '不能晚于今天',
    exceeds_total: '不能大于总投资',
    too_many: '数量超出上限',
    not_a_promoter: '不是该项目的招商人',
  },
  password: {
    hint: '至少 8 位；包含大写字母、小写字母、数字、符号中的至少 3 类；不能包含账号',
  },
}
