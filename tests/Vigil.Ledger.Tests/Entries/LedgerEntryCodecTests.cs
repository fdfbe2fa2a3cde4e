using System.Text;
using Vigil.Core.Members;
using Vigil.Ledger.Entries;
using Vigil.Ledger.Errors;
using Vigil.Ledger.Tests.Support;

namespace Vigil.Ledger.Tests.Entries;

public sealed class LedgerEntryCodecTests
{
    private static readonly DateTimeOffset At = TestEvents.Epoch;

    public static TheoryData<LedgerEvent> Events() =>
    [
        new ObjectShared { OccurredAt = At, ObjectId = "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", ObjectVersion = "2026-05-01T11:59:00.000Z", AuthorOrg = "org-platform-1", ContentClass = "public-content", Recipients = ["org-gov-2", "group-7"], Marking = "TLP:AMBER" },
        new ObjectShared { OccurredAt = At, ObjectId = "indicator--1", ObjectVersion = "v1", AuthorOrg = "org-1", ContentClass = "public-account-metadata" },
        new ObjectRead { OccurredAt = At, ObjectId = "report--1", ReaderOrg = "org-gov-2", ReaderSector = Sector.Government, ReaderPseudonym = "u-5f1c", AuthorSector = Sector.Platform },
        new RequestSent { OccurredAt = At, RequestId = "req-1", FromOrg = "org-gov-2", ToOrg = "org-platform-1", RequestType = "information" },
        new RequestAnswered { OccurredAt = At, RequestId = "req-1", ResponderOrg = "org-platform-1", Outcome = "partially-fulfilled" },
        new LegalProcessAttached { OccurredAt = At, SubjectId = "req-1", ProcessType = "court-order", IssuingBody = "District Court", ReferenceNumber = "2026-CV-0042", IssuedOn = new DateOnly(2026, 4, 30) },
        new ShareRefused { OccurredAt = At, ObjectId = "observed-data--1", AuthorOrg = "org-platform-1", TargetSector = Sector.Government, ContentClass = "private-message", Rule = "private-message-to-government", Field = "objects[2].x_vigil_content_class", PolicyVersion = 3 },
        new PolicyChanged { OccurredAt = At, PolicyVersion = 4, PolicySha256 = new string('a', 64), ChangedBy = "u-admin-1" },
        new DisclosurePublished { OccurredAt = At, DisclosureId = "disc-9", PublisherOrg = "org-research-3", ObjectIds = ["report--1"] },
        new DataDeleted { OccurredAt = At, SubjectId = "case-12", Reason = "retention", DeletedBy = "retention-policy" },
    ];

    [Theory]
    [MemberData(nameof(Events))]
    public void Every_event_type_round_trips_through_canonical_json(LedgerEvent ledgerEvent)
    {
        var bytes = LedgerEntryCodec.Serialize(ledgerEvent);
        var parsed = LedgerEntryCodec.Parse(bytes);
        Assert.Equal(ledgerEvent.GetType(), parsed.GetType());
        Assert.Equal(bytes, LedgerEntryCodec.Serialize(parsed));
        Assert.Equal(ledgerEvent.Type, parsed.Type);
    }

    [Fact]
    public void Entry_is_rfc8785_canonical_json_with_sorted_members()
    {
        var bytes = LedgerEntryCodec.Serialize(new DataDeleted { OccurredAt = At, SubjectId = "case-12", Reason = "retention", DeletedBy = "retention-policy" });
        Assert.Equal(
            "{\"at\":\"2026-05-01T12:00:00.000Z\",\"deleted_by\":\"retention-policy\",\"reason\":\"retention\",\"subject_id\":\"case-12\",\"type\":\"data-deleted\"}",
            Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Sectors_are_written_in_kebab_case()
    {
        var bytes = LedgerEntryCodec.Serialize(new ObjectRead { OccurredAt = At, ObjectId = "x", ReaderOrg = "o", ReaderSector = Sector.ElectionOffice, ReaderPseudonym = "u", AuthorSector = Sector.CivilSociety });
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("\"reader_sector\":\"election-office\"", text, StringComparison.Ordinal);
        Assert.Contains("\"author_sector\":\"civil-society\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"at\":\"2026-05-01T12:00:00.000Z\",\"content\":\"hello\",\"deleted_by\":\"x\",\"reason\":\"retention\",\"subject_id\":\"c\",\"type\":\"data-deleted\"}", "member 'content' is not part of this entry type")]
    [InlineData("{\"at\":\"2026-05-01T12:00:00.000Z\",\"type\":\"message-sent\"}", "type 'message-sent' is unknown")]
    [InlineData("{\"at\":\"2026-05-01T12:00:00.000Z\",\"reason\":\"retention\",\"subject_id\":\"c\",\"type\":\"data-deleted\"}", "'deleted_by' is missing")]
    [InlineData("{\"type\":\"data-deleted\",\"at\":\"2026-05-01T12:00:00.000Z\",\"deleted_by\":\"x\",\"reason\":\"retention\",\"subject_id\":\"c\"}", "not the canonical (RFC 8785) form")]
    [InlineData("{\"at\":\"2026-05-01 12:00\",\"deleted_by\":\"x\",\"reason\":\"retention\",\"subject_id\":\"c\",\"type\":\"data-deleted\"}", "not a UTC time")]
    [InlineData("{\"at\":\"2026-05-01T12:00:00.000Z\",\"deleted_by\":\"x\",\"reason\":\"Retention Policy\",\"subject_id\":\"c\",\"type\":\"data-deleted\"}", "not a lower-case token")]
    [InlineData("{\"at\":\"2026-05-01T12:00:00.000Z\",\"deleted_by\":1,\"reason\":\"retention\",\"subject_id\":\"c\",\"type\":\"data-deleted\"}", "'deleted_by' must be a string")]
    [InlineData("[1,2]", "is not a JSON object")]
    [InlineData("{\"at\":", "is not valid JSON")]
    public void Malformed_entries_are_refused_saying_what_is_wrong(string json, string expected)
    {
        var error = Assert.Throws<LedgerException>(() => LedgerEntryCodec.Parse(Encoding.UTF8.GetBytes(json), 41));
        Assert.Equal(LedgerFailure.MalformedEntry, error.Failure);
        Assert.Equal(41, error.Index);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("entry 41", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_free_text_cannot_ride_in_an_identifier()
    {
        var smuggled = new DataDeleted { OccurredAt = At, SubjectId = new string('x', 300), Reason = "retention", DeletedBy = "u" };
        var error = Assert.Throws<LedgerException>(() => LedgerEntryCodec.Parse(LedgerEntryCodec.Serialize(smuggled)));
        Assert.Contains("1–256 characters", error.Message, StringComparison.Ordinal);
    }
}
