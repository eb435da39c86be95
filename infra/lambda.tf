data "aws_ssm_parameter" "admin_token" {
  name            = local.admin_token_parameter_name
  with_decryption = true
}

# The AES key that seals channel credentials (access tokens, app secrets) before they are stored.
data "aws_ssm_parameter" "secrets_key" {
  name            = local.secrets_key_parameter_name
  with_decryption = true
}

# Created before the functions so Lambda does not create them without a retention.
resource "aws_cloudwatch_log_group" "function" {
  for_each = local.function_names

  name              = "/aws/lambda/${each.value}"
  retention_in_days = var.log_retention_days
}

locals {
  # What every function needs: any of them can reach a Wait step and arm a new schedule.
  common_environment = {
    SWITCHBOARD_TABLE                                 = aws_dynamodb_table.this.name
    SWITCHBOARD_CREATE_TABLE                          = "false"
    SWITCHBOARD_SCHEDULER_ADAPTER                     = "sqs"
    SWITCHBOARD_SCHEDULER_LOCAL_TICKER                = "false"
    SWITCHBOARD_SCHEDULER_EVENTBRIDGE_GROUP           = aws_scheduler_schedule_group.wake_ups.name
    SWITCHBOARD_SCHEDULER_EVENTBRIDGE_REGION          = local.region
    SWITCHBOARD_SCHEDULER_EVENTBRIDGE_TARGET_ARN      = local.alias_arns["wakeUp"]
    SWITCHBOARD_SCHEDULER_EVENTBRIDGE_ROLE_ARN        = aws_iam_role.scheduler.arn
    SWITCHBOARD_SCHEDULER_EVENTBRIDGE_DEAD_LETTER_ARN = aws_sqs_queue.dead_letters.arn
    SWITCHBOARD_SCHEDULER_SQS_QUEUE_URL               = aws_sqs_queue.wake_ups.url
    SWITCHBOARD_SCHEDULER_SQS_REGION                  = local.region
    QUARKUS_DYNAMODB_AWS_REGION                       = local.region
    QUARKUS_DYNAMODB_AWS_CREDENTIALS_TYPE             = "default"
    # a wake-up writes its effects, then its run, as plain writes: on DynamoDB the write units are the bill,
    # and a transaction costs twice them (12 WCU per headline run against at most 18; README "Where the requests go")
    SWITCHBOARD_WAKE_UP_WRITES = "effects-first"
    # the meters as CloudWatch EMF lines after each invocation (observability.tf alarms on them)
    SWITCHBOARD_METRICS_EMF       = "true"
    SWITCHBOARD_METRICS_NAMESPACE = var.metrics_namespace
    # the JIT's first tier only, unless ops choose otherwise (variables.tf says why)
    JAVA_TOOL_OPTIONS = var.lambda_java_options
  }
}

resource "aws_lambda_function" "this" {
  for_each = local.function_names

  function_name    = each.value
  description      = "Switchboard ${each.key} (QUARKUS_LAMBDA_HANDLER=${each.key})"
  role             = aws_iam_role.lambda.arn
  filename         = var.lambda_zip_path
  source_code_hash = filebase64sha256(var.lambda_zip_path)
  runtime          = "java17"
  handler          = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest"
  architectures    = [var.lambda_architecture]
  memory_size      = var.lambda_memory_size
  timeout          = each.key == "sweep" ? var.sweep_timeout : var.lambda_timeout

  reserved_concurrent_executions = lookup(var.reserved_concurrency, each.key, -1)

  # Versions are published so the `live` alias (and SnapStart) always serve a fixed snapshot.
  publish = true

  dynamic "snap_start" {
    for_each = var.snap_start ? [1] : []
    content {
      apply_on = "PublishedVersions"
    }
  }

  environment {
    # Only the http function serves the admin API and sends agent replies through the channels,
    # so only it holds the admin token and the channel credentials key.
    variables = merge(
      local.common_environment,
      { QUARKUS_LAMBDA_HANDLER = each.key },
      each.key == "http" ? {
        SWITCHBOARD_ADMIN_TOKEN = data.aws_ssm_parameter.admin_token.value
        SWITCHBOARD_SECRETS_KEY = data.aws_ssm_parameter.secrets_key.value
      } : {},
      each.key == "http" && var.public_url != null ? { SWITCHBOARD_PUBLIC_URL = var.public_url } : {},
    )
  }

  depends_on = [
    aws_cloudwatch_log_group.function,
    aws_iam_role_policy.lambda,
    aws_iam_role_policy.wake_up_queue,
  ]
}

# Schedules, the function URL and the alarms address the alias, so they always reach the newest
# published (and, with SnapStart, snapshotted) version.
resource "aws_lambda_alias" "live" {
  for_each = aws_lambda_function.this

  name             = local.live_alias
  function_name    = each.value.function_name
  function_version = each.value.version
}

# A sweep that failed is not worth retrying: the next one starts within a minute.
resource "aws_lambda_function_event_invoke_config" "sweep" {
  function_name                = aws_lambda_function.this["sweep"].function_name
  qualifier                    = aws_lambda_alias.live["sweep"].name
  maximum_retry_attempts       = 0
  maximum_event_age_in_seconds = 60
}

# The public entry point: channel webhooks and the workspace API. Auth type NONE, because the
# application checks every request itself (webhook signatures, API keys, the admin token).
resource "aws_lambda_function_url" "http" {
  function_name      = aws_lambda_function.this["http"].function_name
  qualifier          = aws_lambda_alias.live["http"].name
  authorization_type = "NONE"
}

resource "aws_lambda_permission" "http_url" {
  statement_id           = "FunctionURLAllowPublicAccess"
  action                 = "lambda:InvokeFunctionUrl"
  function_name          = aws_lambda_function.this["http"].function_name
  qualifier              = aws_lambda_alias.live["http"].name
  principal              = "*"
  function_url_auth_type = "NONE"
}

# Since October 2025 a public function URL also needs lambda:InvokeFunction, limited to calls made
# through the URL (condition lambda:InvokedViaFunctionUrl). aws_lambda_permission can only express
# that condition from provider 6.29 (`invoked_via_function_url = true`); on 5.x the same statement is
# declared through CloudFormation, which supports it. An unconditioned statement would let any AWS
# account invoke the function directly.
resource "aws_cloudformation_stack" "http_url_invoke" {
  name = "${var.prefix}-http-url-invoke"

  template_body = jsonencode({
    AWSTemplateFormatVersion = "2010-09-09"
    Description              = "Lets the public function URL of ${aws_lambda_function.this["http"].function_name} invoke it"
    Resources = {
      FunctionURLAllowInvokeAction = {
        Type = "AWS::Lambda::Permission"
        Properties = {
          Action                = "lambda:InvokeFunction"
          FunctionName          = aws_lambda_alias.live["http"].arn
          Principal             = "*"
          InvokedViaFunctionUrl = true
        }
      }
    }
  })
}
