using System.Text.Json.Nodes;

namespace Vigil.Core.Tests.Stix;

/// <summary>
/// One valid example per type, following the examples of the STIX 2.1 specification. SCO ids are the
/// deterministic UUIDv5 ones (the specification's own example SCO ids are not derived from their properties).
/// </summary>
internal static class SpecExamples
{
    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        ["attack-pattern"] = """
        {"type":"attack-pattern","spec_version":"2.1","id":"attack-pattern--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",
         "created":"2016-05-12T08:17:27.000Z","modified":"2016-05-12T08:17:27.000Z","name":"Spear Phishing",
         "description":"...","external_references":[{"source_name":"capec","external_id":"CAPEC-163"}]}
        """,
        ["campaign"] = """
        {"type":"campaign","spec_version":"2.1","id":"campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
         "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2016-04-06T20:03:00.000Z",
         "modified":"2016-04-06T20:03:00.000Z","name":"Green Group Attacks Against Finance",
         "description":"Campaign by Green Group against a series of targets in the financial services sector."}
        """,
        ["grouping"] = """
        {"type":"grouping","spec_version":"2.1","id":"grouping--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3",
         "created_by_ref":"identity--a463ffb3-1bd9-4d94-b02d-74e4f1658283","created":"2015-12-21T19:59:11.000Z",
         "modified":"2015-12-21T19:59:11.000Z","name":"The Black Vine Cyberespionage Group",
         "description":"A simple collection of Black Vine Cyberespionage Group attributed intel",
         "context":"suspicious-activity",
         "object_refs":["indicator--26ffb872-1dd9-446e-b6f5-d58527e5b5d2","campaign--83422c77-904c-4dc1-aff5-5c38f3a2c55c",
                        "relationship--f82356ae-fe6c-437c-9c24-6b64314ae68a","file--0203b5c8-f8b6-4ddb-9ad0-527d727f968b"]}
        """,
        ["identity"] = """
        {"type":"identity","spec_version":"2.1","id":"identity--023d105b-752e-4e3c-941c-7d3f3cb15e9e",
         "created":"2016-04-06T20:03:00.000Z","modified":"2016-04-06T20:03:00.000Z","name":"John Smith",
         "identity_class":"individual"}
        """,
        ["indicator"] = """
        {"type":"indicator","spec_version":"2.1","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
         "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2016-04-06T20:03:48.000Z",
         "modified":"2016-04-06T20:03:48.000Z","indicator_types":["malicious-activity"],"name":"Poison Ivy Malware",
         "description":"This file is part of Poison Ivy",
         "pattern":"[ file:hashes.'SHA-256' = '4bac27393bdd9777ce02453256c5577cd02275510b2227f473d03f533924f877' ]",
         "pattern_type":"stix","valid_from":"2016-01-01T00:00:00Z"}
        """,
        ["infrastructure"] = """
        {"type":"infrastructure","spec_version":"2.1","id":"infrastructure--38c47d93-d984-4fd9-b87b-d69d0841628d",
         "created":"2016-05-07T11:22:30.000Z","modified":"2016-05-07T11:22:30.000Z","name":"Poison Ivy C2",
         "infrastructure_types":["command-and-control"]}
        """,
        ["intrusion-set"] = """
        {"type":"intrusion-set","spec_version":"2.1","id":"intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29",
         "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2016-04-06T20:03:48.000Z",
         "modified":"2016-04-06T20:03:48.000Z","name":"Bobcat Breakin",
         "description":"Incidents usually feature a shared TTP of a bobcat being released within the building containing network access, scaring users to leave their computers without locking them first. Still determining where the threat actors are getting the bobcats.",
         "aliases":["Zookeeper"],"goals":["acquisition-theft","harassment","damage"]}
        """,
        ["location"] = """
        {"type":"location","spec_version":"2.1","id":"location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64",
         "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2016-04-06T20:03:00.000Z",
         "modified":"2016-04-06T20:03:00.000Z","latitude":48.8566,"longitude":2.3522}
        """,
        ["malware"] = """
        {"type":"malware","spec_version":"2.1","id":"malware--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",
         "created":"2016-05-12T08:17:27.000Z","modified":"2016-05-12T08:17:27.000Z","name":"Cryptolocker",
         "description":"A variant of the cryptolocker family","malware_types":["ransomware"],"is_family":false}
        """,
        ["tool"] = """
        {"type":"tool","spec_version":"2.1","id":"tool--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
         "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2016-04-06T20:03:48.000Z",
         "modified":"2016-04-06T20:03:48.000Z","tool_types":["remote-access"],"name":"VNC"}
        """,
        ["note"] = """
        {"type":"note","spec_version":"2.1","id":"note--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",
         "created":"2016-05-12T08:17:27.000Z","modified":"2016-05-12T08:17:27.000Z",
         "external_references":[{"source_name":"job-tracker","external_id":"job-id-1234"}],
         "abstract":"Tracking Team Note#1",
         "content":"This note indicates the various steps taken by the threat analyst team to investigate this specific campaign. Step 1) Do a scan 2) Review scanned results for identified hosts not known by external intel….etc",
         "authors":["John Doe"],"object_refs":["campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"]}
        """,
        ["opinion"] = """
        {"type":"opinion","spec_version":"2.1","id":"opinion--b01efc25-77b4-4003-b18b-f6e24b5cd9f7",
         "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2016-05-12T08:17:27.000Z",
         "modified":"2016-05-12T08:17:27.000Z","object_refs":["relationship--16d2358f-3b0d-4c88-b047-0da2f7ed4471"],
         "opinion":"strongly-disagree",
         "explanation":"This doesn't seem like it is feasible. We've seen how PandaCat has attacked Spanish infrastructure over the last 3 years, so this change in targeting seems too great to be viable. The methods used are more commonly associated with the FlyingMoose group."}
        """,
        ["report"] = """
        {"type":"report","spec_version":"2.1","id":"report--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3",
         "created_by_ref":"identity--a463ffb3-1bd9-4d94-b02d-74e4f1658283","created":"2015-12-21T19:59:11.000Z",
         "modified":"2015-12-21T19:59:11.000Z","name":"The Black Vine Cyberespionage Group",
         "description":"A simple report with an indicator and campaign","published":"2016-01-20T17:00:00.000Z",
         "report_types":["campaign"],
         "object_refs":["indicator--26ffb872-1dd9-446e-b6f5-d58527e5b5d2","campaign--83422c77-904c-4dc1-aff5-5c38f3a2c55c",
                        "relationship--f82356ae-fe6c-437c-9c24-6b64314ae68a"]}
        """,
        ["threat-actor"] = """
        {"type":"threat-actor","spec_version":"2.1","id":"threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
         "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2016-04-06T20:03:48.000Z",
         "modified":"2016-04-06T20:03:48.000Z","threat_actor_types":["crime-syndicate"],"name":"Evil Org",
         "description":"The Evil Org threat actor group","aliases":["Syndicate 1","Evil Syndicate 99"],
         "roles":["director"],"goals":["Steal bank money","Steal credit cards"],"sophistication":"advanced",
         "resource_level":"team","primary_motivation":"organizational-gain"}
        """,
        ["observed-data"] = """
        {"type":"observed-data","spec_version":"2.1","id":"observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf",
         "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2016-04-06T19:58:16.000Z",
         "modified":"2016-04-06T19:58:16.000Z","first_observed":"2015-12-21T19:00:00Z",
         "last_observed":"2015-12-21T19:00:00Z","number_observed":50,
         "object_refs":["ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4","domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7"]}
        """,
        ["relationship"] = """
        {"type":"relationship","spec_version":"2.1","id":"relationship--57b56a43-b8b0-4cba-9deb-34e3e1faed9e",
         "created":"2016-04-06T20:06:37.000Z","modified":"2016-04-06T20:06:37.000Z","relationship_type":"indicates",
         "source_ref":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","target_ref":"malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b"}
        """,
        ["sighting"] = """
        {"type":"sighting","spec_version":"2.1","id":"sighting--ee20065d-2555-424f-ad9e-0f8428623c75",
         "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2016-04-06T20:08:31.000Z",
         "modified":"2016-04-06T20:08:31.000Z","first_seen":"2015-12-21T19:00:00Z","last_seen":"2015-12-21T19:00:00Z",
         "count":50,"sighting_of_ref":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
         "observed_data_refs":["observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf"],
         "where_sighted_refs":["identity--b67d30ff-02ac-498a-92f9-32f845f448ff"]}
        """,
        ["url"] = """
        {"type":"url","spec_version":"2.1","id":"url--47c3cf9a-5027-5bf0-997a-017c7edc7c55",
         "value":"https://example.com/research/index.html"}
        """,
        ["domain-name"] = """
        {"type":"domain-name","spec_version":"2.1","id":"domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7",
         "value":"example.com","resolves_to_refs":["ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4"]}
        """,
        ["ipv4-addr"] = """
        {"type":"ipv4-addr","spec_version":"2.1","id":"ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4","value":"198.51.100.3"}
        """,
        ["ipv6-addr"] = """
        {"type":"ipv6-addr","spec_version":"2.1","id":"ipv6-addr--85a85a8c-ee99-5722-946d-3c3a3270fc6f",
         "value":"2001:0db8:85a3:0000:0000:8a2e:0370:7334"}
        """,
        ["email-addr"] = """
        {"type":"email-addr","spec_version":"2.1","id":"email-addr--7165e2a9-671f-585d-b1e1-ca59c671d934",
         "value":"john@example.com","display_name":"John Doe"}
        """,
        ["user-account"] = """
        {"type":"user-account","spec_version":"2.1","id":"user-account--f94d689e-707d-58c3-b803-c720bb6ed096",
         "user_id":"1001","account_login":"jdoe","account_type":"unix","display_name":"John Doe",
         "is_service_account":false,"is_privileged":false,"can_escalate_privs":true,
         "account_created":"2016-01-20T12:31:12Z","credential_last_changed":"2016-01-20T14:27:43Z",
         "account_first_login":"2016-01-20T14:26:07Z","account_last_login":"2016-07-22T16:08:28Z"}
        """,
        ["file"] = """
        {"type":"file","spec_version":"2.1","id":"file--ced31cd4-bdcb-537d-aefa-92d291bfc11d",
         "name":"example.exe","size":68000,"magic_number_hex":"50000000",
         "hashes":{"SHA-256":"841a8921140aba50671ebb0770fecc4ee308c4952cfeff8de154ab14eeef4649"},
         "extensions":{"windows-pebinary-ext":{"pe_type":"exe","machine_hex":"014c","sections":[{"name":".data",
           "size":4096,"entropy":7.980693,"hashes":{"SHA-256":"6e3b6f3978e5cd96ba7abee35c24e867b7e64072e2ecb22d0ee7a6e6af6894d0"}}]}}}
        """,
        ["artifact"] = """
        {"type":"artifact","spec_version":"2.1","id":"artifact--db1dccc8-8cb7-5c9b-ab24-581e39ae0444",
         "mime_type":"application/zip","url":"https://upload.example.com/samples/5e7d.zip",
         "hashes":{"SHA-256":"6db12788c37247f2316052e142f42f4b259d6561751e5f401a1ae2a6df9c674b"}}
        """,
        ["marking-definition"] = """
        {"type":"marking-definition","spec_version":"2.1","id":"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
         "created":"2017-01-20T00:00:00.000Z","definition_type":"tlp","name":"TLP:GREEN","definition":{"tlp":"green"}}
        """,
        ["extension-definition"] = """
        {"id":"extension-definition--9c59fd79-4215-4ba2-920d-3e4f320e1e62","type":"extension-definition",
         "spec_version":"2.1","name":"New SDO 1","description":"This schema creates a new object type called my-favorite-sdo-1",
         "created":"2014-02-20T09:16:08.989Z","modified":"2014-02-20T09:16:08.989Z",
         "created_by_ref":"identity--11b76a96-5d2b-45e0-8a5a-f6994f370731",
         "schema":"https://www.example.com/schema-my-favorite-sdo-1/v1/","version":"1.2.1","extension_types":["new-sdo"]}
        """,
    };
}
