from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.import_result import ImportResult
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: str,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/contacts/import",
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "text/csv"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ImportResult | Problem | None:
    if response.status_code == 200:
        response_200 = ImportResult.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 408:
        response_408 = Problem.from_dict(response.json())

        return response_408

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ImportResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: str,
    idempotency_key: str | Unset = UNSET,
) -> Response[ImportResult | Problem]:
    """Import contacts from CSV

     The body is the file itself (`Content-Type: text/csv`, at most 5 MiB):
    LinkedIn's `Connections.csv` as exported, or a CSV whose header names
    contact fields (`full_name`, `email`, `phone`, `linkedin_url`,
    `company`, `job_title`, `field`, `location`, `source`,
    `has_hiring_power`, `tags` separated by `;`, `notes`). Rows matching a
    contact (LinkedIn URL, then email, then name and company) update it, so
    importing a file twice creates nothing new. A row is stored whole or
    listed in `errors` with its line (a row past the account's 30,000
    contacts as `limit_reached`). Rows are applied 500 at a time.

    Args:
        idempotency_key (str | Unset):
        body (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: str,
    idempotency_key: str | Unset = UNSET,
) -> ImportResult | Problem | None:
    """Import contacts from CSV

     The body is the file itself (`Content-Type: text/csv`, at most 5 MiB):
    LinkedIn's `Connections.csv` as exported, or a CSV whose header names
    contact fields (`full_name`, `email`, `phone`, `linkedin_url`,
    `company`, `job_title`, `field`, `location`, `source`,
    `has_hiring_power`, `tags` separated by `;`, `notes`). Rows matching a
    contact (LinkedIn URL, then email, then name and company) update it, so
    importing a file twice creates nothing new. A row is stored whole or
    listed in `errors` with its line (a row past the account's 30,000
    contacts as `limit_reached`). Rows are applied 500 at a time.

    Args:
        idempotency_key (str | Unset):
        body (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportResult | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: str,
    idempotency_key: str | Unset = UNSET,
) -> Response[ImportResult | Problem]:
    """Import contacts from CSV

     The body is the file itself (`Content-Type: text/csv`, at most 5 MiB):
    LinkedIn's `Connections.csv` as exported, or a CSV whose header names
    contact fields (`full_name`, `email`, `phone`, `linkedin_url`,
    `company`, `job_title`, `field`, `location`, `source`,
    `has_hiring_power`, `tags` separated by `;`, `notes`). Rows matching a
    contact (LinkedIn URL, then email, then name and company) update it, so
    importing a file twice creates nothing new. A row is stored whole or
    listed in `errors` with its line (a row past the account's 30,000
    contacts as `limit_reached`). Rows are applied 500 at a time.

    Args:
        idempotency_key (str | Unset):
        body (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: str,
    idempotency_key: str | Unset = UNSET,
) -> ImportResult | Problem | None:
    """Import contacts from CSV

     The body is the file itself (`Content-Type: text/csv`, at most 5 MiB):
    LinkedIn's `Connections.csv` as exported, or a CSV whose header names
    contact fields (`full_name`, `email`, `phone`, `linkedin_url`,
    `company`, `job_title`, `field`, `location`, `source`,
    `has_hiring_power`, `tags` separated by `;`, `notes`). Rows matching a
    contact (LinkedIn URL, then email, then name and company) update it, so
    importing a file twice creates nothing new. A row is stored whole or
    listed in `errors` with its line (a row past the account's 30,000
    contacts as `limit_reached`). Rows are applied 500 at a time.

    Args:
        idempotency_key (str | Unset):
        body (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportResult | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
