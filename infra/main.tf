data "aws_caller_identity" "current" {}
data "aws_region" "current" {}
data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.name
  partition  = data.aws_partition.current.partition

  table_name                 = coalesce(var.table_name, var.prefix)
  schedule_group_name        = var.prefix
  admin_token_parameter_name = coalesce(var.admin_token_parameter_name, "/${var.prefix}/admin-token")
  secrets_key_parameter_name = coalesce(var.secrets_key_parameter_name, "/${var.prefix}/secrets-key")

  # The functions share one package and differ only by QUARKUS_LAMBDA_HANDLER.
  # Keys are the handler names; values are the function name suffixes.
  functions = {
    http        = "http"
    wakeUp      = "wake-up"
    sweep       = "sweep"
    wakeUpQueue = "wake-up-queue"
  }
  function_names = { for handler, suffix in local.functions : handler => "${var.prefix}-${suffix}" }

  # Every function reaches Wait steps and arms schedules that invoke the wake-up function, so every
  # function (the wake-up function too) needs its ARN. It is built from the name, not taken from the
  # resource, to keep the functions out of a dependency cycle with themselves.
  live_alias          = "live"
  function_arn_prefix = "arn:${local.partition}:lambda:${local.region}:${local.account_id}:function"
  alias_arns = {
    for handler, name in local.function_names : handler => "${local.function_arn_prefix}:${name}:${local.live_alias}"
  }
}
