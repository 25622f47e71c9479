using Microsoft.AspNetCore.Http;

namespace CsmsCluster.Api;

/// <summary>RFC 7807 problem results used by every endpoint.</summary>
internal static class Problems
{
    public static IResult Status(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(statusCode: status, title: title, detail: detail, extensions: extensions);

    public static IResult BadRequest(string detail) => Status(StatusCodes.Status400BadRequest, "Bad request", detail);

    public static IResult NotFound(string detail) => Status(StatusCodes.Status404NotFound, "Not found", detail);

    public static IResult Conflict(string detail) => Status(StatusCodes.Status409Conflict, "Conflict", detail);

    public static IResult Unprocessable(string detail, IDictionary<string, object?>? extensions = null) =>
        Status(StatusCodes.Status422UnprocessableEntity, "Unprocessable payload", detail, extensions);
}
