using Azure;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Orleans.Runtime.Messaging;
using RatingGrid.Domain.Ledger;
using RatingGrid.Grains.Abstractions.Errors;

namespace RatingGrid.Host.Errors;

/// <summary>The status each known failure maps to; BadRequest details name every field at fault.</summary>
internal static class ErrorStatus
{
    public static RpcException? From(Exception ex, string prefix = "") => ex switch
    {
        InvalidRequestException e => BadRequest(prefix + e.Message, e.Violations),
        InspectionNotFoundException e => Simple(Code.NotFound, prefix + e.Message),
        PduNotFoundException e => Simple(Code.NotFound, prefix + e.Message),
        InspectionStateException e => Simple(Code.FailedPrecondition, prefix + e.Message),
        LimitReachedException e => Simple(Code.ResourceExhausted, prefix + e.Message),
        StorageUnavailableException e => Simple(Code.Unavailable, prefix + e.Message),
        TimeoutException => Simple(Code.Unavailable, prefix + "The inspection did not answer in time; the change may or may not be stored: retrying it is safe."),
        SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException or GatewayTooBusyException or OrleansLifecycleCanceledException =>
            Simple(Code.Unavailable, prefix + "The inspection is moving between servers; retrying is safe."),
        RequestFailedException or HttpRequestException =>
            Simple(Code.Unavailable, prefix + "Storage did not answer; the change may or may not be stored: retrying it is safe."),
        _ => null,
    };

    /// <summary>INVALID_ARGUMENT for bytes that are not the request's message at all: no field can be named, so the violation is the message's.</summary>
    public static RpcException Unparseable(string message, string reason) => BadRequest(message, [new FieldViolation("(message)", reason)]);

    private static RpcException BadRequest(string message, IReadOnlyList<FieldViolation> violations)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
        return new Google.Rpc.Status { Code = (int)Code.InvalidArgument, Message = message, Details = { Any.Pack(badRequest) } }.ToRpcException();
    }

    private static RpcException Simple(Code code, string message) =>
        new Google.Rpc.Status { Code = (int)code, Message = message }.ToRpcException();
}
